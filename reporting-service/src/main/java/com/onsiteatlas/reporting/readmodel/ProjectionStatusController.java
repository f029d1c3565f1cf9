package com.onsiteatlas.reporting.readmodel;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;

@RestController
class ProjectionStatusController {

	private final ProjectionLag lag;

	private final ConsumerOffsets offsets;

	ProjectionStatusController(ProjectionLag lag, ConsumerOffsets offsets) {
		this.lag = lag;
		this.offsets = offsets;
	}

	@GetMapping("/api/reports/projection-status")
	@StaffOnly
	Mono<ApiResponse<Map<String, ProjectionLag.TopicStatus>>> status() {
		return this.offsets.recordsBehind().map((behind) -> ApiResponse.ok(this.lag.status(behind)));
	}

}
