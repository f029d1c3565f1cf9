package com.onsiteatlas.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Any staff member or a registrant may call: the admin, manager, staff and registrant
 * roles. The route itself limits a registrant to its own registration's records.
 * <p>
 * On a class it covers every method; a role annotation on a method replaces the class's.
 * Other callers get 403.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAnyRole('admin','manager','staff','registrant')")
public @interface StaffOrRegistrant {

}
