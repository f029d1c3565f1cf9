/**
 * {@code page}/{@code limit}/{@code sortBy=field:asc|desc} parsing and paged MongoDB
 * queries that answer with ONSITE ATLAS's {@code meta.pagination}.
 */
package com.onsiteatlas.support.paging;
