package com.onsiteatlas.lodging.inventory;

import java.util.List;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.security.OrganisersOnly;
import com.onsiteatlas.support.security.StaffOnly;
import com.onsiteatlas.support.web.ApiResponse;
import com.onsiteatlas.support.web.Paging;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Room blocks per hotel, room type and night, and their pickup. Staff read, admin and
 * manager contract rooms.
 */
@RestController
@RequestMapping("/api/events/{eventId}/room-blocks")
class RoomBlockController {

	private final InventoryService inventory;

	RoomBlockController(InventoryService inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	@StaffOnly
	Mono<ApiResponse<List<RoomNight>>> list(@PathVariable String eventId,
			@Paging(sortable = { "night", "roomType", "hotelName", "available", "booked" },
					defaultSort = "hotelName,roomType,night") PageQuery page,
			@RequestParam(required = false) String hotelId, @RequestParam(required = false) String roomType,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.inventory.list(eventId, page, optionalId(hotelId), roomType, from, to)
			.map((paged) -> ApiResponse.page("Room blocks retrieved", paged));
	}

	@PutMapping
	@OrganisersOnly
	Mono<ApiResponse<List<RoomNight>>> set(@PathVariable String eventId, @Valid @RequestBody RoomBlockRequest request) {
		return this.inventory.setBlock(eventId, request).map((nights) -> ApiResponse.ok("Room block saved", nights));
	}

	@DeleteMapping("/{id}")
	@OrganisersOnly
	Mono<ApiResponse<RoomNight>> delete(@PathVariable String eventId, @PathVariable String id) {
		return this.inventory.delete(eventId, ObjectIds.require(id, "room block id"))
			.map((night) -> ApiResponse.ok("Room block night deleted", night));
	}

	@GetMapping("/pickup")
	@StaffOnly
	Mono<ApiResponse<List<PickupReport>>> pickup(@PathVariable String eventId,
			@RequestParam(required = false) String hotelId, @RequestParam(required = false) String roomType,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return this.inventory.pickup(eventId, optionalId(hotelId), roomType, from, to)
			.map((reports) -> ApiResponse.ok("Pickup report", reports));
	}

	private static String optionalId(String id) {
		return (id == null || id.isBlank()) ? null : ObjectIds.require(id, "hotelId");
	}

}
