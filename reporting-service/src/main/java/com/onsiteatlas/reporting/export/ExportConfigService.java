package com.onsiteatlas.reporting.export;

import java.text.DecimalFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import com.onsiteatlas.reporting.catalog.DataSource;
import com.onsiteatlas.reporting.catalog.FieldCatalog;
import com.onsiteatlas.reporting.format.ExportOptions;
import com.onsiteatlas.reporting.format.FileFormat;
import com.onsiteatlas.reporting.rows.DateRange;
import com.onsiteatlas.reporting.rows.RowFilter;
import com.onsiteatlas.reporting.rows.RowQuery;
import com.onsiteatlas.reporting.rows.RowService;
import com.onsiteatlas.reporting.rows.RowSort;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.web.ApiError;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Export configs: a user sees the configs they created and the global ones (a user bound
 * to one event: only those of that event or of none); only admins and managers create
 * global configs or change someone else's.
 */
@Service
public class ExportConfigService {

	private final ExportConfigRepository repository;

	private final FieldCatalog catalog;

	private final RowService rows;

	private final Clock clock;

	ExportConfigService(ExportConfigRepository repository, FieldCatalog catalog, RowService rows, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.rows = rows;
		this.clock = clock;
	}

	Mono<Paged<ExportConfig>> list(AtlasPrincipal user, String eventId, String dataType, String exportType,
			PageQuery page) {
		if (eventId != null) {
			ObjectIds.require(eventId, "event");
		}
		return this.repository.page(new ConfigSearch(ConfigViewer.of(user), eventId, dataType, exportType), page);
	}

	/**
	 * A config the user may see; 404 otherwise.
	 * @param user the caller
	 * @param id config id
	 * @return the config
	 */
	public Mono<ExportConfig> get(AtlasPrincipal user, String id) {
		ObjectIds.require(id, "id");
		return this.repository.findVisible(id, ConfigViewer.of(user))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Export config not found")));
	}

	Mono<ExportConfig> create(AtlasPrincipal user, ExportConfigRequest request) {
		return Mono.fromCallable(() -> validated(user, request, null))
			.flatMap((config) -> this.repository.insert(config));
	}

	Mono<ExportConfig> update(AtlasPrincipal user, String id, ExportConfigRequest request) {
		return get(user, id).map((existing) -> {
			requireOwnerOrManager(user, existing);
			return validated(user, request, existing);
		}).flatMap((config) -> this.repository.save(config));
	}

	Mono<Void> delete(AtlasPrincipal user, String id) {
		return get(user, id).flatMap((existing) -> {
			requireOwnerOrManager(user, existing);
			return this.repository.delete(existing);
		}).then();
	}

	private static void requireOwnerOrManager(AtlasPrincipal user, ExportConfig config) {
		if (!user.userId().equals(config.createdBy()) && !user.isManaging()) {
			throw ApiException.forbidden("Only its creator, an admin or a manager can change this export config");
		}
	}

	private ExportConfig validated(AtlasPrincipal user, ExportConfigRequest request, ExportConfig existing) {
		List<ApiError.FieldError> errors = new ArrayList<>();
		if (request.name() == null || request.name().isBlank()) {
			errors.add(new ApiError.FieldError("name", "name is required"));
		}
		if (FileFormat.of(request.exportType()) == null || "xlsx".equalsIgnoreCase(request.exportType())) {
			errors.add(new ApiError.FieldError("exportType", "exportType must be one of excel, csv, pdf"));
		}
		if (request.dataType() == null) {
			errors.add(new ApiError.FieldError("dataType", "dataType is required"));
		}
		if (request.event() != null && !ObjectIds.isValid(request.event())) {
			errors.add(new ApiError.FieldError("event", "event must be a 24-hex id"));
		}
		if (!errors.isEmpty()) {
			throw ApiException.badRequest(errors.get(0).message(), errors);
		}
		boolean global = Boolean.TRUE.equals(request.isGlobal());
		if (global && !user.isManaging()) {
			throw ApiException.forbidden("Only admins and managers can create global export configs");
		}
		if (request.event() != null && !user.canReachEvent(request.event())) {
			throw ApiException.forbidden("You cannot use this event");
		}
		checkSpec(request.dataType(), request.event(), request.fields(), request.filters(), request.sorts(), null,
				request.config());
		Instant now = this.clock.instant();
		return new ExportConfig((existing != null) ? existing.id() : new ObjectId().toHexString(),
				request.name().trim(), request.description(), request.exportType().toLowerCase(Locale.ROOT),
				request.dataType(), request.event(), global, orEmpty(request.fields()), orEmpty(request.filters()),
				orEmpty(request.sorts()), (request.config() != null) ? request.config() : ExportOptions.defaults(),
				(existing != null) ? existing.createdBy() : user.userId(),
				(existing != null) ? existing.createdAt() : now, now);
	}

	/**
	 * Checks fields, filters, sorts and options of an export against the catalog; 400
	 * listing the valid fields otherwise.
	 * @return the data source
	 */
	DataSource checkSpec(String dataType, String eventId, List<String> fields, List<RowFilter> filters,
			List<RowSort> sorts, DateRange dateRange, ExportOptions options) {
		DataSource source = this.catalog.source(dataType);
		this.catalog.requireFields(source, orEmpty(fields), "fields");
		for (RowSort sort : orEmpty(sorts)) {
			if (sort.field() == null || (sort.direction() != null && !sort.direction().matches("(?i)asc|desc"))) {
				throw ApiException.badRequest("Each sort needs a field and a direction asc or desc");
			}
		}
		this.rows.validate(new RowQuery(source, eventId, filters, sorts, dateRange));
		if (options != null) {
			checkOptions(options);
		}
		return source;
	}

	private static void checkOptions(ExportOptions options) {
		try {
			if (options.dateFormat() != null) {
				DateTimeFormatter.ofPattern(options.dateFormat());
			}
			if (options.numberFormat() != null) {
				new DecimalFormat(options.numberFormat());
			}
			if (options.timezone() != null) {
				ZoneId.of(options.timezone());
			}
		}
		catch (RuntimeException ex) {
			throw ApiException.badRequest("Invalid config: " + ex.getMessage());
		}
	}

	static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
