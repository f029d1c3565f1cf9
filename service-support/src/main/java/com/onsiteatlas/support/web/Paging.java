package com.onsiteatlas.support.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.onsiteatlas.support.paging.PageQuery;

/**
 * Binds the ONSITE ATLAS paging parameters ({@code page}, {@code limit},
 * {@code sortBy=field:asc|desc,...}) of a request to a {@link PageQuery} controller
 * parameter, checked as {@link PageQuery#parse} checks them (a bad value is a 400 naming
 * it):
 *
 * <pre class="code">
 * Mono&lt;ApiResponse&lt;List&lt;Hotel&gt;&gt;&gt; list(&#64;PathVariable String eventId,
 * 		&#64;Paging(sortable = { "name", "createdAt", "checkIn=checkIn.date" }, defaultSort = "createdAt:desc") PageQuery page)
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Paging {

	/**
	 * The fields a client may sort on, by their API name; {@code "api=stored"} when the
	 * stored field is named differently.
	 * @return the sortable fields
	 */
	String[] sortable();

	/**
	 * The order when the client names none, in {@code sortBy} syntax over stored field
	 * names, such as {@code "createdAt:desc"} or {@code "startDate:desc,_id:asc"}.
	 * @return the default order
	 */
	String defaultSort();

}
