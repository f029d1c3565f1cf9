package com.onsiteatlas.lodging.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.onsiteatlas.domainevents.ConferenceRef;
import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.PersonalInfo;
import com.onsiteatlas.domainevents.RegistrationSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingCancelled;
import com.onsiteatlas.domainevents.lodging.HotelBookingCreated;
import com.onsiteatlas.domainevents.lodging.HotelBookingSnapshot;
import com.onsiteatlas.domainevents.lodging.HotelBookingStatusChanged;
import com.onsiteatlas.domainevents.lodging.HotelBookingUpdated;
import com.onsiteatlas.domainevents.lodging.HotelRef;
import com.onsiteatlas.lodging.calendar.Dates;
import com.onsiteatlas.lodging.hotel.HotelService;
import com.onsiteatlas.lodging.hotel.RoomType;
import com.onsiteatlas.lodging.inventory.Block;
import com.onsiteatlas.lodging.inventory.InventoryService;
import com.onsiteatlas.lodging.registrant.Registrants;
import com.onsiteatlas.lodging.registrant.Viewer;
import com.onsiteatlas.support.messaging.Outbox;
import com.onsiteatlas.support.messaging.OutboxMessage;
import com.onsiteatlas.support.paging.MongoPaging;
import com.onsiteatlas.support.paging.PageQuery;
import com.onsiteatlas.support.paging.Paged;
import com.onsiteatlas.support.projection.ConferenceView;
import com.onsiteatlas.support.projection.RegistrationView;
import com.onsiteatlas.support.web.ApiException;
import com.onsiteatlas.support.web.ObjectIds;

/**
 * Hotel bookings. Every change is one conditional single-document write that carries its
 * domain events (outbox); room-block nights are taken before a confirmation is written
 * and given back when that write loses a race.
 */
@Service
public class BookingService {

	static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt", "checkIn",
			"checkIn.date", "checkOut", "checkOut.date", "bookingStatus", "bookingStatus", "registrationId",
			"registrationId", "lastName", "guest.lastName", "hotel", "hotel.name", "roomType", "roomType");

	static final String FLAG_REGISTRATION_CANCELLED = "registration-cancelled";

	private final ReactiveMongoTemplate mongo;

	private final HotelService hotels;

	private final InventoryService inventory;

	private final Registrants registrants;

	private final Outbox outbox;

	private final BookingProperties properties;

	BookingService(ReactiveMongoTemplate mongo, HotelService hotels, InventoryService inventory,
			Registrants registrants, Outbox outbox, BookingProperties properties) {
		this.mongo = mongo;
		this.hotels = hotels;
		this.inventory = inventory;
		this.registrants = registrants;
		this.outbox = outbox;
		this.properties = properties;
	}

	/**
	 * A booking the viewer may see; another registrant's booking is a 404.
	 * @param eventId the conference
	 * @param id the booking id
	 * @param viewer the caller
	 * @return the booking
	 */
	Mono<HotelBooking> get(String eventId, String id, Viewer viewer) {
		String bookingId = ObjectIds.require(id, "booking id");
		return this.mongo.findById(bookingId, HotelBooking.class)
			.filter((booking) -> eventId.equals(booking.event()) && viewer.mayAccess(booking.registration()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Hotel booking not found")));
	}

	Mono<Paged<HotelBooking>> list(String eventId, Viewer viewer, PageQuery page, BookingFilter filter) {
		Criteria criteria = Criteria.where("event").is(eventId);
		if (viewer.isRegistrant()) {
			criteria.and("registration").is(viewer.registrationId());
		}
		else if (filter.registration() != null) {
			criteria.and("registration").is(ObjectIds.require(filter.registration(), "registration"));
		}
		if (filter.status() != null) {
			criteria.and("bookingStatus").is(BookingStatus.of(filter.status()).value());
		}
		if (filter.hotelId() != null) {
			criteria.and("hotel.hotelId").is(ObjectIds.require(filter.hotelId(), "hotelId"));
		}
		if (filter.roomType() != null) {
			criteria.and("roomType").regex("^" + Pattern.quote(filter.roomType().trim()) + "$", "i");
		}
		Instant from = Dates.parse(filter.checkInFrom(), "checkInFrom");
		Instant to = Dates.parse(filter.checkInTo(), "checkInTo");
		if (from != null || to != null) {
			Criteria date = Criteria.where("checkIn.date");
			if (from != null) {
				date.gte(from);
			}
			if (to != null) {
				date.lte(to);
			}
			criteria.andOperator(date);
		}
		if (filter.search() != null) {
			criteria.and("searchText").regex(Pattern.quote(filter.search().trim().toLowerCase(Locale.ROOT)));
		}
		if (Boolean.TRUE.equals(filter.flagged())) {
			criteria.and("flags.0").exists(true);
		}
		return MongoPaging.find(this.mongo, Query.query(criteria), HotelBooking.class, page)
			.map((paged) -> paged.map((booking) -> forViewer(booking, viewer)));
	}

	/**
	 * The current booking of a registration: the newest one not cancelled, else the
	 * newest.
	 * @param eventId the conference
	 * @param viewer the caller
	 * @param registration the registration {@code _id} or human id
	 * @return the booking or a 404
	 */
	Mono<HotelBooking> byRegistration(String eventId, Viewer viewer, String registration) {
		return this.registrants.resolve(eventId, registration)
			.filter(viewer::mayAccess)
			.flatMapMany(
					(id) -> this.mongo.find(Query.query(Criteria.where("event").is(eventId).and("registration").is(id))
						.with(Sort.by(Sort.Order.desc("createdAt"))), HotelBooking.class))
			.collectList()
			.flatMap((bookings) -> Mono.justOrEmpty(bookings.stream()
				.filter((booking) -> booking.bookingStatus().isActive())
				.findFirst()
				.or(() -> bookings.stream().findFirst())))
			.map((booking) -> forViewer(booking, viewer))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("No hotel booking for this registration")));
	}

	Mono<HotelBooking> create(String eventId, Viewer viewer, BookingRequest request) {
		if (viewer.isRegistrant()) {
			return Mono.error(ApiException
				.forbidden("Registrants cannot create hotel bookings; the organisers book rooms for you"));
		}
		if (request.bookingStatus() != null && !"pending".equals(request.bookingStatus())) {
			return Mono.error(ApiException
				.badRequest("A booking starts as 'pending'; confirm it with PATCH /hotel-bookings/{id}/status"));
		}
		if (request.checkIn() == null || request.checkIn().date() == null || request.checkOut() == null
				|| request.checkOut().date() == null) {
			return Mono.error(ApiException.badRequest("checkIn.date and checkOut.date are required"));
		}
		return this.registrants.require(eventId, request.registration()).flatMap((registration) -> {
			if ("cancelled".equals(registration.status())) {
				return Mono.error(ApiException.conflict("Registration " + registration.registrationId()
						+ " is cancelled; it cannot get a hotel booking"));
			}
			return resolveHotel(eventId, request.hotelId(), request.hotel(), request.roomType())
				.flatMap((hotel) -> stay(eventId, request.checkIn(), request.checkOut()).flatMap((stay) -> {
					Instant now = now();
					String id = new ObjectId().toHexString();
					HotelBooking booking = HotelBooking.builder()
						.id(id)
						.event(eventId)
						.registration(registration.id())
						.registrationId(registration.registrationId())
						.guest(registration.personalInfo())
						.hotel(hotel.hotel())
						.roomType(hotel.roomType())
						.roomNumber(request.roomNumber())
						.checkIn(new HotelBooking.CheckIn(stay.checkIn(), stay.checkInTime(), false, null))
						.checkOut(new HotelBooking.CheckOut(stay.checkOut(), stay.checkOutTime(), false, null))
						.nights(stay.nights())
						.bookingReference(request.bookingReference())
						.bookingStatus(BookingStatus.PENDING)
						.specialRequests(request.specialRequests())
						.notes(request.notes())
						.flags(List.of())
						.createdBy(viewer.userId())
						.createdAt(now)
						.updatedAt(now)
						.searchText(searchText(registration.personalInfo(), registration.registrationId()))
						.outbox(List.of())
						.build();
					return this.registrants.conference(eventId)
						.flatMap((conference) -> this.outbox.entry(new HotelBookingCreated(conference,
								Registrants.snapshot(registration), snapshot(booking), now, viewer.userId()), eventId))
						.flatMap((message) -> this.mongo.insert(booking.withOutbox(List.of(message))))
						.doOnSuccess((saved) -> this.outbox.nudge());
				}));
		});
	}

	Mono<HotelBooking> update(String eventId, String id, Viewer viewer, BookingRequest request) {
		return get(eventId, id, viewer).flatMap((old) -> {
			if (viewer.isRegistrant()) {
				if (!request.onlySpecialRequests()) {
					return Mono.error(ApiException
						.forbidden("As a registrant you may only change the specialRequests of your booking"));
				}
				if (request.specialRequests() == null) {
					return Mono.just(forViewer(old, viewer));
				}
				if (!old.bookingStatus().acceptsRequests()) {
					return Mono.error(ApiException.conflict(
							"This booking is " + old.bookingStatus().value() + "; requests can no longer be changed"));
				}
				HotelBooking after = old.toBuilder().specialRequests(request.specialRequests()).outbox(null).build();
				return write(old, after, updatedCondition(old), List.of("specialRequests"), viewer.userId(), null)
					.map((saved) -> forViewer(saved, viewer));
			}
			return updateAsStaff(eventId, old, viewer, request);
		});
	}

	private Mono<HotelBooking> updateAsStaff(String eventId, HotelBooking old, Viewer viewer, BookingRequest request) {
		if (request.registration() != null && !request.registration().equalsIgnoreCase(old.registration())) {
			return Mono.error(ApiException.badRequest("The registration of a booking cannot change"));
		}
		if (request.bookingStatus() != null && !request.bookingStatus().equals(old.bookingStatus().value())) {
			return Mono.error(
					ApiException.badRequest("Change the status with PATCH /hotel-bookings/{id}/status, not with PUT"));
		}
		boolean hotelChange = request.hotelId() != null || request.hotel() != null || request.roomType() != null;
		Mono<ResolvedHotel> hotelMono = hotelChange
				? resolveHotel(eventId, (request.hotelId() != null) ? request.hotelId() : old.hotel().hotelId(),
						(request.hotel() != null) ? request.hotel()
								: (request.hotelId() != null) ? null
										: new BookingRequest.HotelDetails(old.hotel().name(), old.hotel().address(),
												old.hotel().contactInfo()),
						(request.roomType() != null) ? request.roomType() : old.roomType())
				: Mono.just(new ResolvedHotel(old.hotel(), old.roomType()));
		BookingRequest.Stay checkIn = merge(request.checkIn(), old.checkIn().date(), old.checkIn().time());
		BookingRequest.Stay checkOut = merge(request.checkOut(), old.checkOut().date(), old.checkOut().time());
		return hotelMono.flatMap((hotel) -> stay(eventId, checkIn, checkOut).flatMap((stay) -> {
			List<String> changed = new ArrayList<>();
			note(changed, "hotel", old.hotel(), hotel.hotel());
			note(changed, "roomType", old.roomType(), hotel.roomType());
			note(changed, "roomNumber", old.roomNumber(), pick(request.roomNumber(), old.roomNumber()));
			note(changed, "checkIn", old.checkIn().date(), stay.checkIn());
			note(changed, "checkIn.time", old.checkIn().time(), stay.checkInTime());
			note(changed, "checkOut", old.checkOut().date(), stay.checkOut());
			note(changed, "checkOut.time", old.checkOut().time(), stay.checkOutTime());
			note(changed, "bookingReference", old.bookingReference(),
					pick(request.bookingReference(), old.bookingReference()));
			note(changed, "specialRequests", old.specialRequests(),
					pick(request.specialRequests(), old.specialRequests()));
			note(changed, "notes", old.notes(), pick(request.notes(), old.notes()));
			boolean roomOrDates = changed.contains("hotel") || changed.contains("roomType")
					|| changed.contains("checkIn") || changed.contains("checkOut");
			if (roomOrDates && !old.bookingStatus().allowsRoomAndDateChanges()) {
				return Mono.<HotelBooking>error(ApiException
					.conflict("The dates and room of a " + old.bookingStatus().value() + " booking cannot change"));
			}
			HotelBooking after = old.toBuilder()
				.hotel(hotel.hotel())
				.roomType(hotel.roomType())
				.roomNumber(pick(request.roomNumber(), old.roomNumber()))
				.checkIn(new HotelBooking.CheckIn(stay.checkIn(), stay.checkInTime(), old.checkIn().isCheckedIn(),
						old.checkIn().checkedInAt()))
				.checkOut(new HotelBooking.CheckOut(stay.checkOut(), stay.checkOutTime(), old.checkOut().isCheckedOut(),
						old.checkOut().checkedOutAt()))
				.nights(stay.nights())
				.bookingReference(pick(request.bookingReference(), old.bookingReference()))
				.specialRequests(pick(request.specialRequests(), old.specialRequests()))
				.notes(pick(request.notes(), old.notes()))
				.outbox(null)
				.build();
			if (changed.isEmpty()) {
				return Mono.just(old);
			}
			if (roomOrDates && old.bookingStatus() == BookingStatus.CONFIRMED) {
				return rehold(old, after, changed, viewer.userId());
			}
			return write(old, after, updatedCondition(old), changed, viewer.userId(), null);
		}));
	}

	/**
	 * Moves a confirmed booking's hold to its new dates or room: takes the new nights
	 * first (409 when the block is full), writes, then gives back the nights no longer
	 * needed.
	 */
	private Mono<HotelBooking> rehold(HotelBooking old, HotelBooking after, List<String> changed, String actor) {
		HotelBooking.RoomBlockHold oldHold = old.roomBlock();
		return managedBlock(after).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap((newBlock) -> {
				List<String> newNights = nightsOf(after);
				boolean sameBlock = oldHold != null && newBlock.isPresent()
						&& oldHold.hotelId().equals(newBlock.get().hotelId())
						&& oldHold.roomType().equals(newBlock.get().roomType());
				List<String> toTake = newBlock.isEmpty() ? List.of()
						: newNights.stream()
							.filter((night) -> !sameBlock || !oldHold.nights().contains(night))
							.toList();
				List<String> toRelease = (oldHold == null) ? List.of()
						: oldHold.nights()
							.stream()
							.filter((night) -> !sameBlock || !newNights.contains(night))
							.toList();
				HotelBooking.RoomBlockHold newHold = newBlock
					.map((block) -> new HotelBooking.RoomBlockHold(block.hotelId(), block.roomType(), newNights))
					.orElse(null);
				HotelBooking held = after.withRoomBlock(newHold);
				Mono<Void> take = newBlock
					.map((block) -> this.inventory.reserve(block, toTake.stream().map(LocalDate::parse).toList(),
							old.id()))
					.orElse(Mono.empty());
				Mono<Void> undoTake = newBlock.map((block) -> this.inventory.release(block, toTake, old.id()))
					.orElse(Mono.empty());
				Mono<Void> giveBack = (oldHold != null) ? this.inventory
					.release(new Block(old.event(), oldHold.hotelId(), oldHold.roomType()), toRelease, old.id())
						: Mono.empty();
				return take.then(guarded(write(old, held, updatedCondition(old), changed, actor, null), undoTake))
					.flatMap((saved) -> giveBack.thenReturn(saved));
			});
	}

	Mono<HotelBooking> changeStatus(String eventId, String id, Viewer viewer, StatusRequest request) {
		if (viewer.isRegistrant()) {
			return Mono.error(ApiException.forbidden("Registrants cannot change the status of a booking"));
		}
		BookingStatus status = BookingStatus.of(request.status());
		return get(eventId, id, viewer).flatMap((old) -> {
			if (!old.bookingStatus().canBecome(status)) {
				List<String> allowed = old.bookingStatus().nextValues();
				return Mono.error(ApiException.conflict("A " + old.bookingStatus().value() + " booking cannot become "
						+ status.value() + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed))));
			}
			Instant now = now();
			Criteria condition = Criteria.where("_id")
				.is(old.id())
				.and("bookingStatus")
				.is(old.bookingStatus().value());
			return switch (status) {
				case CONFIRMED -> this.registrants.find(eventId, old.registration())
					.filter((registration) -> "cancelled".equals(registration.status()))
					.flatMap((registration) -> Mono.<HotelBooking>error(ApiException.conflict("Registration "
							+ registration.registrationId() + " is cancelled; its booking cannot be confirmed")))
					.switchIfEmpty(Mono.defer(() -> confirm(old, condition, viewer.userId())));
				case CANCELLED -> cancel(old, condition, request.reason(), viewer.userId());
				case CHECKED_IN ->
					write(old, old.toBuilder().bookingStatus(status).checkIn(old.checkIn().checkedIn(now)).build(),
							condition, List.of(), viewer.userId(), null);
				default ->
					write(old, old.toBuilder().bookingStatus(status).checkOut(old.checkOut().checkedOut(now)).build(),
							condition, List.of(), viewer.userId(), null);
			};
		});
	}

	private Mono<HotelBooking> confirm(HotelBooking old, Criteria condition, String actor) {
		return managedBlock(old).flatMap((block) -> {
			List<String> nights = nightsOf(old);
			HotelBooking after = old.toBuilder()
				.bookingStatus(BookingStatus.CONFIRMED)
				.roomBlock(new HotelBooking.RoomBlockHold(block.hotelId(), block.roomType(), nights))
				.build();
			return this.inventory.reserve(block, nights.stream().map(LocalDate::parse).toList(), old.id())
				.then(guarded(write(old, after, condition, List.of(), actor, null),
						this.inventory.release(block, nights, old.id())));
		})
			.switchIfEmpty(Mono
				.defer(() -> write(old, old.toBuilder().bookingStatus(BookingStatus.CONFIRMED).roomBlock(null).build(),
						condition, List.of(), actor, null)));
	}

	private Mono<HotelBooking> cancel(HotelBooking old, Criteria condition, String reason, String actor) {
		HotelBooking after = old.toBuilder().bookingStatus(BookingStatus.CANCELLED).roomBlock(null).build();
		return write(old, after, condition, List.of(), actor, (reason != null) ? reason : "cancelled")
			.flatMap((saved) -> releaseHold(old).thenReturn(saved));
	}

	Mono<HotelBooking> delete(String eventId, String id, Viewer viewer) {
		return get(eventId, id, viewer)
			.flatMap((old) -> this.mongo
				.findAndRemove(Query.query(Criteria.where("_id").is(old.id()).and("updatedAt").is(old.updatedAt())),
						HotelBooking.class)
				.switchIfEmpty(Mono.error(() -> ApiException.conflict("The booking changed meanwhile; reload it"))))
			.flatMap((removed) -> releaseHold(removed).thenReturn(removed));
	}

	/**
	 * Records the stored confirmation on a booking.
	 * @param old the booking as read
	 * @param document the confirmation
	 * @param actor who uploaded
	 * @return the booking as saved
	 */
	Mono<HotelBooking> attachConfirmation(HotelBooking old, HotelBooking.ConfirmationDocument document, String actor) {
		HotelBooking after = old.toBuilder().confirmationDocument(document).updatedAt(now()).outbox(null).build();
		return write(old, after, updatedCondition(old), List.of("confirmationDocument"), actor, null);
	}

	/**
	 * Flags the pending bookings of a cancelled registration for staff attention; they
	 * are not deleted, a person decides.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when every pending booking is flagged
	 */
	public Mono<Void> flagCancelledRegistration(String eventId, RegistrationSnapshot registration) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("registration")
			.is(registration.id())
			.and("bookingStatus")
			.is(BookingStatus.PENDING.value())
			.and("flags")
			.ne(FLAG_REGISTRATION_CANCELLED)), HotelBooking.class).concatMap((old) -> {
				List<String> flags = new ArrayList<>((old.flags() != null) ? old.flags() : List.of());
				flags.add(FLAG_REGISTRATION_CANCELLED);
				HotelBooking after = old.toBuilder().flags(flags).updatedAt(now()).outbox(null).build();
				return write(old, after, updatedCondition(old), List.of("flags"), "system", null);
			}).then();
	}

	/**
	 * Refreshes the guest details kept on a registration's bookings.
	 * @param eventId the conference
	 * @param registration the registration as the event carried it
	 * @return completes when done
	 */
	public Mono<Void> refreshRegistration(String eventId, RegistrationSnapshot registration) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("event").is(eventId).and("registration").is(registration.id())),
					new Update().set("guest", registration.personalInfo())
						.set("registrationId", registration.registrationId())
						.set("searchText", searchText(registration.personalInfo(), registration.registrationId())),
					HotelBooking.class)
			.then();
	}

	/**
	 * The bookings of some registrations that are not cancelled.
	 * @param eventId the conference
	 * @param registrations registration ids
	 * @return the bookings
	 */
	public Flux<HotelBooking> activeFor(String eventId, Collection<String> registrations) {
		return this.mongo.find(Query.query(Criteria.where("event")
			.is(eventId)
			.and("registration")
			.in(registrations)
			.and("bookingStatus")
			.ne(BookingStatus.CANCELLED.value())), HotelBooking.class);
	}

	/**
	 * Deletes the bookings of a deleted event (their confirmations go with the event's
	 * stored files).
	 * @param eventId the conference
	 * @return number removed
	 */
	public Mono<Long> deleteEvent(String eventId) {
		return this.mongo.remove(Query.query(Criteria.where("event").is(eventId)), HotelBooking.class)
			.map((result) -> result.getDeletedCount());
	}

	private Mono<Block> managedBlock(HotelBooking booking) {
		if (booking.hotel() == null || booking.hotel().hotelId() == null || booking.roomType() == null) {
			return Mono.empty();
		}
		Block block = new Block(booking.event(), booking.hotel().hotelId(), booking.roomType());
		return this.inventory.managed(block).filter(Boolean::booleanValue).map((managed) -> block);
	}

	private Mono<Void> releaseHold(HotelBooking booking) {
		HotelBooking.RoomBlockHold hold = booking.roomBlock();
		if (hold == null) {
			return Mono.empty();
		}
		return this.inventory.release(new Block(booking.event(), hold.hotelId(), hold.roomType()), hold.nights(),
				booking.id());
	}

	/**
	 * A write that gives back what was taken for it when it fails or loses a race.
	 */
	private static Mono<HotelBooking> guarded(Mono<HotelBooking> write, Mono<Void> undo) {
		return write.onErrorResume((ex) -> undo.then(Mono.error(ex)));
	}

	/**
	 * Writes the new state of a booking with its domain events, on condition that the
	 * stored booking is still the one read.
	 */
	private Mono<HotelBooking> write(HotelBooking before, HotelBooking after, Criteria condition, List<String> changed,
			String actor, String cancelReason) {
		Instant now = now();
		HotelBooking stamped = stamp(after, now);
		return context(before).flatMap((context) -> {
			HotelBookingSnapshot snapshot = snapshot(stamped);
			List<DomainEventPayload> events = new ArrayList<>();
			if (before.bookingStatus() != stamped.bookingStatus()) {
				events.add(new HotelBookingStatusChanged(context.conference(), context.registration(), snapshot,
						before.bookingStatus().value(), stamped.bookingStatus().value(), now, actor));
				if (stamped.bookingStatus() == BookingStatus.CANCELLED) {
					events.add(new HotelBookingCancelled(context.conference(), context.registration(), snapshot,
							cancelReason, now, actor));
				}
			}
			if (!changed.isEmpty()) {
				events.add(new HotelBookingUpdated(context.conference(), context.registration(), snapshot, changed, now,
						actor));
			}
			return Flux.fromIterable(events)
				.concatMap((event) -> this.outbox.entry(event, before.event()))
				.collectList();
		})
			.flatMap((messages) -> this.mongo.findAndModify(Query.query(condition),
					Outbox.push(setAll(stamped), messages), FindAndModifyOptions.options().returnNew(true),
					HotelBooking.class))
			.switchIfEmpty(Mono.error(() -> ApiException
				.conflict("The booking was changed by someone else meanwhile; reload it and retry")))
			.doOnNext((saved) -> this.outbox.nudge());
	}

	private Mono<Context> context(HotelBooking booking) {
		Mono<RegistrationSnapshot> registration = this.registrants.find(booking.event(), booking.registration())
			.map(Registrants::snapshot)
			.defaultIfEmpty(fallbackSnapshot(booking));
		return Mono.zip(this.registrants.conference(booking.event()), registration)
			.map((tuple) -> new Context(tuple.getT1(), tuple.getT2()));
	}

	private static RegistrationSnapshot fallbackSnapshot(HotelBooking booking) {
		PersonalInfo guest = (booking.guest() != null) ? booking.guest()
				: new PersonalInfo("", "", null, null, null, null, null);
		return new RegistrationSnapshot(booking.registration(),
				(booking.registrationId() != null) ? booking.registrationId() : booking.registration(), guest, null,
				"active", null, null, null, null, Map.of());
	}

	static HotelBookingSnapshot snapshot(HotelBooking booking) {
		HotelBooking.Hotel hotel = booking.hotel();
		return new HotelBookingSnapshot(booking.id(),
				new HotelRef(hotel.hotelId(), hotel.name(), hotel.address(), hotel.contactInfo()), booking.roomType(),
				booking.roomNumber(), booking.checkIn().date(), booking.checkOut().date(), booking.nights(),
				booking.bookingReference(), booking.bookingStatus().value(), booking.specialRequests());
	}

	private static Update setAll(HotelBooking booking) {
		return new Update().set("registrationId", booking.registrationId())
			.set("guest", booking.guest())
			.set("hotel", booking.hotel())
			.set("roomType", booking.roomType())
			.set("roomNumber", booking.roomNumber())
			.set("checkIn", booking.checkIn())
			.set("checkOut", booking.checkOut())
			.set("nights", booking.nights())
			.set("bookingReference", booking.bookingReference())
			.set("bookingStatus", booking.bookingStatus().value())
			.set("confirmationDocument", booking.confirmationDocument())
			.set("specialRequests", booking.specialRequests())
			.set("notes", booking.notes())
			.set("flags", booking.flags())
			.set("roomBlock", booking.roomBlock())
			.set("updatedAt", booking.updatedAt())
			.set("searchText", booking.searchText());
	}

	private static Criteria updatedCondition(HotelBooking old) {
		return Criteria.where("_id").is(old.id()).and("updatedAt").is(old.updatedAt());
	}

	private Mono<ResolvedHotel> resolveHotel(String eventId, String hotelId, BookingRequest.HotelDetails details,
			String roomType) {
		if (hotelId != null) {
			return this.hotels.require(eventId, hotelId).map((hotel) -> {
				String typeName = roomType;
				if (roomType != null) {
					RoomType type = hotel.roomType(roomType);
					if (type == null) {
						throw ApiException
							.badRequest("Hotel " + hotel.name() + " has no room type '" + roomType + "'; it offers: "
									+ String.join(", ", hotel.roomTypes().stream().map(RoomType::name).toList()));
					}
					typeName = type.name();
				}
				boolean named = details != null && details.name() != null && !details.name().isBlank();
				return new ResolvedHotel(
						new HotelBooking.Hotel(hotel.id(), named ? details.name().trim() : hotel.name(),
								(details != null && details.address() != null) ? details.address()
										: hotel.addressLine(),
								(details != null && details.contactInfo() != null) ? details.contactInfo()
										: hotel.contactLine()),
						typeName);
			});
		}
		if (details == null || details.name() == null || details.name().isBlank()) {
			return Mono.error(ApiException.badRequest("hotel.name is required when no hotelId is given"));
		}
		return Mono.just(new ResolvedHotel(
				new HotelBooking.Hotel(null, details.name().trim(), details.address(), details.contactInfo()),
				(roomType != null) ? roomType.trim() : null));
	}

	private Mono<Stay> stay(String eventId, BookingRequest.Stay checkIn, BookingRequest.Stay checkOut) {
		Instant in = Dates.parse(checkIn.date(), "checkIn.date");
		Instant out = Dates.parse(checkOut.date(), "checkOut.date");
		String inTime = (Dates.time(checkIn.time(), "checkIn.time") != null) ? checkIn.time().trim() : null;
		String outTime = (Dates.time(checkOut.time(), "checkOut.time") != null) ? checkOut.time().trim() : null;
		in = Dates.day(in).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		out = Dates.day(out).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
		int nights = (int) ChronoUnit.DAYS.between(Dates.day(in), Dates.day(out));
		if (nights < 1) {
			return Mono.error(ApiException.badRequest("checkOut.date must be after checkIn.date"));
		}
		if (nights > this.properties.maxNights()) {
			return Mono
				.error(ApiException.badRequest("A stay may last at most " + this.properties.maxNights() + " nights"));
		}
		Stay stay = new Stay(in, inTime, out, outTime, nights);
		return this.registrants.conferenceView(eventId)
			.map((conference) -> plausible(stay, conference))
			.defaultIfEmpty(stay)
			.flatMap((checked) -> {
				Instant now = Instant.now();
				if (checked.checkIn().isBefore(now.minus(3 * 366, ChronoUnit.DAYS))
						|| checked.checkOut().isAfter(now.plus(3 * 366, ChronoUnit.DAYS))) {
					return Mono.error(ApiException.badRequest("The stay dates are not plausible for this event"));
				}
				return Mono.just(checked);
			});
	}

	private Stay plausible(Stay stay, ConferenceView conference) {
		int days = this.properties.daysAroundEvent();
		if (conference.startDate() != null
				&& Dates.day(stay.checkIn()).isBefore(Dates.day(conference.startDate()).minusDays(days))) {
			throw ApiException.badRequest("checkIn.date is more than " + days + " days before the event starts ("
					+ Dates.day(conference.startDate()) + ")");
		}
		if (conference.endDate() != null
				&& Dates.day(stay.checkOut()).isAfter(Dates.day(conference.endDate()).plusDays(days + 1))) {
			throw ApiException.badRequest("checkOut.date is more than " + days + " days after the event ends ("
					+ Dates.day(conference.endDate()) + ")");
		}
		return stay;
	}

	static List<String> nightsOf(HotelBooking booking) {
		return Dates.nights(booking.checkIn().date(), booking.checkOut().date())
			.stream()
			.map(LocalDate::toString)
			.toList();
	}

	/**
	 * Hides what only staff should see from a registrant.
	 */
	static HotelBooking forViewer(HotelBooking booking, Viewer viewer) {
		return viewer.isRegistrant() ? booking.withoutStaffFields() : booking;
	}

	private static HotelBooking stamp(HotelBooking booking, Instant now) {
		return booking.toBuilder().updatedAt(now).outbox(null).build();
	}

	private static BookingRequest.Stay merge(BookingRequest.Stay given, Instant date, String time) {
		if (given == null) {
			return new BookingRequest.Stay(date.toString(), time);
		}
		return new BookingRequest.Stay((given.date() != null) ? given.date() : date.toString(),
				(given.time() != null) ? given.time() : time);
	}

	private static void note(List<String> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.add(field);
		}
	}

	private static <T> T pick(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	static String searchText(PersonalInfo info, String registrationId) {
		Set<String> parts = new LinkedHashSet<>();
		if (info != null) {
			parts.add(info.firstName());
			parts.add(info.lastName());
			parts.add(info.email());
		}
		parts.add(registrationId);
		parts.remove(null);
		return String.join(" ", parts).toLowerCase(Locale.ROOT);
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Booking list filters.
	 *
	 * @param status booking status
	 * @param hotelId hotel
	 * @param roomType room type
	 * @param checkInFrom earliest check-in
	 * @param checkInTo latest check-in
	 * @param search name, e-mail or registration id
	 * @param registration registration {@code _id}
	 * @param flagged only bookings with flags
	 */
	record BookingFilter(String status, String hotelId, String roomType, String checkInFrom, String checkInTo,
			String search, String registration, Boolean flagged) {
	}

	private record ResolvedHotel(HotelBooking.Hotel hotel, String roomType) {
	}

	private record Stay(Instant checkIn, String checkInTime, Instant checkOut, String checkOutTime, int nights) {
	}

	private record Context(ConferenceRef conference, RegistrationSnapshot registration) {
	}

}
