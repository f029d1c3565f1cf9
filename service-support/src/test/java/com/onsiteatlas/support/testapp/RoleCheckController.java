package com.onsiteatlas.support.testapp;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.RegistrantOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.security.StaffOrRegistrant;

/**
 * One route per way a role annotation is placed: inherited from the class, and replaced
 * on the method by each of the four role annotations.
 */
@RestController
@StaffOnly
class RoleCheckController {

	@GetMapping("/api/role-checks/class")
	Mono<String> fromClass() {
		return Mono.just("class");
	}

	@GetMapping("/api/role-checks/organisers")
	@OrganisersOnly
	Mono<String> organisers() {
		return Mono.just("organisers");
	}

	@GetMapping("/api/role-checks/staff")
	@StaffOnly
	Mono<String> staff() {
		return Mono.just("staff");
	}

	@GetMapping("/api/role-checks/staff-or-registrant")
	@StaffOrRegistrant
	Mono<String> staffOrRegistrant() {
		return Mono.just("staff-or-registrant");
	}

	@GetMapping("/api/role-checks/registrant")
	@RegistrantOnly
	Mono<String> registrant() {
		return Mono.just("registrant");
	}

}
