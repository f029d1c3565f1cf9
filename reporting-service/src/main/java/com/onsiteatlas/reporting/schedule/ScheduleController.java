package com.onsiteatlas.reporting.schedule;

import java.util.List;

import jakarta.validation.Valid;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.AtlasPrincipal;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;

@RestController
@RequestMapping("/api/reports/schedules")
@StaffOnly
class ScheduleController {

	private final ScheduleService schedules;

	ScheduleController(ScheduleService schedules) {
		this.schedules = schedules;
	}

	@GetMapping
	Mono<ApiResponse<List<ReportSchedule>>> list(@AuthenticationPrincipal AtlasPrincipal user,
			@RequestParam(required = false) String isActive, @RequestParam(required = false) String frequency,
			@RequestParam(required = false) String eventId,
			@Paging(sortable = { "name", "nextRun", "lastRun", "createdAt" },
					defaultSort = "nextRun:asc") PageQuery page) {
		return this.schedules.list(user, isActive, frequency, eventId, page)
			.map((paged) -> ApiResponse.page("Report schedules", paged.map(ReportSchedule::redacted)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@OrganisersOnly
	Mono<ApiResponse<ReportSchedule>> create(@AuthenticationPrincipal AtlasPrincipal user,
			@Valid @RequestBody ScheduleRequest request) {
		return this.schedules.create(user, request)
			.map((schedule) -> ApiResponse.ok("Report schedule created", schedule.redacted()));
	}

	@GetMapping("/{id}")
	Mono<ApiResponse<ReportSchedule>> get(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.schedules.get(user, id).map((schedule) -> ApiResponse.ok(schedule.redacted()));
	}

	@PutMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<ReportSchedule>> update(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id,
			@Valid @RequestBody ScheduleRequest request) {
		return this.schedules.update(user, id, request)
			.map((schedule) -> ApiResponse.ok("Report schedule updated", schedule.redacted()));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<Void>> delete(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.schedules.delete(user, id)
			.then(Mono.fromSupplier(() -> ApiResponse.ok("Report schedule deleted", null)));
	}

	@PostMapping("/{id}/run-now")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@OrganisersOnly
	Mono<ApiResponse<ScheduleRun>> runNow(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.schedules.runNow(user, id).map((run) -> ApiResponse.ok("Report run started", run));
	}

	@GetMapping("/{id}/runs")
	Mono<ApiResponse<List<ScheduleRun>>> runs(@AuthenticationPrincipal AtlasPrincipal user, @PathVariable String id) {
		return this.schedules.runs(user, id).map(ApiResponse::ok);
	}

}
