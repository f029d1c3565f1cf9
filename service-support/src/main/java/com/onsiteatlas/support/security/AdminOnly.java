package com.onsiteatlas.support.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only the admin role may call: the audit trails, which record what organisers (managers
 * included) did.
 * <p>
 * On a class it covers every method; a role annotation on a method replaces the class's.
 * Other callers get 403.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('admin')")
public @interface AdminOnly {

}
