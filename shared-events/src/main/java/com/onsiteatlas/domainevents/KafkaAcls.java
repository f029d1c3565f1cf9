package com.onsiteatlas.domainevents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may do what on the broker (issue 15 item 5): one Kafka principal per producer of
 * the topics table in docs/events.md. A principal writes only the topics it produces (and
 * the dead-letter topics of the topics it consumes, where its consumer parks what it
 * cannot handle), reads the topics it consumes and uses only its own consumer group. The
 * compose init script ({@code deploy/kafka/kafka-init.sh}) and the Kubernetes
 * {@code KafkaUser} resources ({@code deploy/components/kafka-acls}) grant exactly this
 * table; tests in the deploy module check them against it, and a real-broker test in
 * embedded-infra applies it.
 */
public final class KafkaAcls {

	/** The SCRAM user of ONSITE ATLAS: the Node producer library and legacy-import. */
	public static final String ONSITE_ATLAS = "onsite-atlas";

	/** The SCRAM user of notification-service. */
	public static final String NOTIFICATION_SERVICE = "notification-service";

	/** The SCRAM user of lodging-travel-service. */
	public static final String LODGING_TRAVEL_SERVICE = "lodging-travel-service";

	/** The SCRAM user of reporting-service. */
	public static final String REPORTING_SERVICE = "reporting-service";

	private static final List<Principal> ALL = List.of(
			new Principal(ONSITE_ATLAS,
					List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS, Topics.ABSTRACTS, Topics.RESOURCES,
							Topics.SPONSORS),
					List.of(Topics.EXPORTS), List.of(ONSITE_ATLAS)),
			new Principal(NOTIFICATION_SERVICE, List.of(Topics.NOTIFICATIONS),
					List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS, Topics.ABSTRACTS,
							Topics.HOTEL_BOOKINGS, Topics.TRAVEL),
					List.of(NOTIFICATION_SERVICE)),
			new Principal(LODGING_TRAVEL_SERVICE, List.of(Topics.HOTEL_BOOKINGS, Topics.TRAVEL),
					List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS), List.of(LODGING_TRAVEL_SERVICE)),
			new Principal(REPORTING_SERVICE, List.of(Topics.EXPORTS),
					List.of(Topics.EVENTS, Topics.REGISTRATIONS, Topics.PAYMENTS, Topics.ABSTRACTS, Topics.RESOURCES,
							Topics.SPONSORS, Topics.HOTEL_BOOKINGS, Topics.TRAVEL, Topics.NOTIFICATIONS),
					List.of(REPORTING_SERVICE)));

	private KafkaAcls() {
	}

	/**
	 * Every principal, ONSITE ATLAS first, then the services.
	 * @return the principals
	 */
	public static List<Principal> all() {
		return ALL;
	}

	/**
	 * One principal.
	 * @param user its SCRAM user name
	 * @return the principal, if there is one of that name
	 */
	public static Optional<Principal> of(String user) {
		return ALL.stream().filter((principal) -> principal.user().equals(user)).findFirst();
	}

	/**
	 * A principal and its grants.
	 *
	 * @param user SCRAM user name ({@code User:<user>} on the broker)
	 * @param produces the topics it produces (docs/events.md, Producer column)
	 * @param consumes the topics it consumes (Consumers column)
	 * @param groups its consumer groups (a service's group is its application name)
	 */
	public record Principal(String user, List<String> produces, List<String> consumes, List<String> groups) {

		public Principal {
			produces = List.copyOf(produces);
			consumes = List.copyOf(consumes);
			groups = List.copyOf(groups);
		}

		/**
		 * The topics it may write (WRITE and DESCRIBE): what it produces and the
		 * dead-letter topics of what it consumes.
		 * @return topic names
		 */
		public List<String> writes() {
			List<String> topics = new ArrayList<>(this.produces);
			this.consumes.forEach((topic) -> topics.add(Topics.deadLetter(topic)));
			return List.copyOf(topics);
		}

		/**
		 * The topics it may read (READ and DESCRIBE).
		 * @return topic names
		 */
		public List<String> reads() {
			return this.consumes;
		}

	}

}
