package com.onsiteatlas.support.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import com.onsiteatlas.domainevents.DomainEventPayload;
import com.onsiteatlas.domainevents.EventEnvelope;
import com.onsiteatlas.domainevents.conference.EventDeleted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DomainEventListenersTests {

	private static final EventDeleted DELETED = new EventDeleted("evt-1", "Cardio 2026", Instant.EPOCH, "u-1");

	@Test
	void findsAnnotatedMethodsAndCallsThemWithThePayloadOrTheEnvelope() {
		try (AnnotationConfigApplicationContext context = context(ConferenceListeners.class, EnvelopeListeners.class)) {
			List<DomainEventHandler<?>> handlers = DomainEventListeners.find(context.getBeanFactory());

			assertThat(handlers).extracting(DomainEventHandler::handlerName)
				.containsExactly("ConferenceListeners/EventDeleted", "former-name/EventDeleted");
			assertThat(handlers).extracting(DomainEventHandler::deduplicate).containsExactly(true, false);
			EventEnvelope<EventDeleted> envelope = EventEnvelope.wrap(DELETED, "/test", "evt-1", null);
			handlers.forEach((handler) -> on(handler, envelope).block());
			assertThat(context.getBean(ConferenceListeners.class).seen).containsExactly(DELETED);
			assertThat(context.getBean(EnvelopeListeners.class).seen).containsExactly(envelope.id());
		}
	}

	@Test
	void passesOnWhatTheMethodThrows() {
		try (AnnotationConfigApplicationContext context = context(ThrowingListeners.class)) {
			DomainEventHandler<?> handler = DomainEventListeners.find(context.getBeanFactory()).get(0);

			assertThatIllegalStateException()
				.isThrownBy(() -> on(handler, EventEnvelope.wrap(DELETED, "/test", "evt-1", null)))
				.withMessage("cannot");
		}
	}

	@Test
	void refusesAMethodThatDoesNotReturnMonoOfVoid() {
		try (AnnotationConfigApplicationContext context = context(NoMonoListeners.class)) {
			assertThatIllegalStateException().isThrownBy(() -> DomainEventListeners.find(context.getBeanFactory()))
				.withMessageContaining(NoMonoListeners.class.getName() + ".onEventDeleted(EventDeleted)")
				.withMessageContaining("return Mono<Void>");
		}
	}

	@Test
	void refusesAMethodThatDoesNotTakeAPayloadOfTheContract() {
		try (AnnotationConfigApplicationContext context = context(WrongParameterListeners.class)) {
			assertThatIllegalStateException().isThrownBy(() -> DomainEventListeners.find(context.getBeanFactory()))
				.withMessageContaining(WrongParameterListeners.class.getName() + ".onEventDeleted(String)");
		}
	}

	@Test
	void refusesAnEnvelopeWithoutItsPayloadType() {
		try (AnnotationConfigApplicationContext context = context(WildcardListeners.class)) {
			assertThatIllegalStateException().isThrownBy(() -> DomainEventListeners.find(context.getBeanFactory()))
				.withMessageContaining(WildcardListeners.class.getName() + ".onAnything(EventEnvelope)");
		}
	}

	@Test
	void refusesTwoMethodsOfOneClassForOnePayloadType() {
		try (AnnotationConfigApplicationContext context = context(TwiceListeners.class)) {
			assertThatIllegalStateException().isThrownBy(() -> DomainEventListeners.find(context.getBeanFactory()))
				.withMessageContaining("both handle EventDeleted");
		}
	}

	@Test
	void refusesTwoListenersThatWouldShareProcessedEnvelopes() {
		try (AnnotationConfigApplicationContext context = context(EnvelopeListeners.class, SameNameListeners.class)) {
			assertThatIllegalStateException().isThrownBy(() -> DomainEventListeners.find(context.getBeanFactory()))
				.withMessageContaining("share the handler name former-name/EventDeleted");
		}
	}

	@Test
	void findsNothingInBeansWithoutListenerMethods() {
		try (AnnotationConfigApplicationContext context = context(Object.class)) {
			assertThat(DomainEventListeners.find(context.getBeanFactory())).isEmpty();
		}
	}

	private static AnnotationConfigApplicationContext context(Class<?>... beans) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		for (Class<?> bean : beans) {
			context.registerBean(bean);
		}
		context.refresh();
		return context;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Mono<Void> on(DomainEventHandler handler, EventEnvelope<? extends DomainEventPayload> envelope) {
		return handler.on(envelope);
	}

	static class ConferenceListeners {

		final List<EventDeleted> seen = new ArrayList<>();

		@DomainEventListener
		Mono<Void> onEventDeleted(EventDeleted deleted) {
			return Mono.fromRunnable(() -> this.seen.add(deleted));
		}

		Mono<Void> notAListener(EventDeleted deleted) {
			return Mono.error(new AssertionError("not a listener"));
		}

	}

	static class EnvelopeListeners {

		final List<String> seen = new ArrayList<>();

		@DomainEventListener(name = "former-name", deduplicate = false)
		Mono<Void> onEventDeleted(EventEnvelope<EventDeleted> envelope) {
			return Mono.fromRunnable(() -> this.seen.add(envelope.id()));
		}

	}

	static class SameNameListeners {

		@DomainEventListener(name = "former-name")
		Mono<Void> onEventDeleted(EventDeleted deleted) {
			return Mono.empty();
		}

	}

	static class ThrowingListeners {

		@DomainEventListener
		Mono<Void> onEventDeleted(EventDeleted deleted) {
			throw new IllegalStateException("cannot");
		}

	}

	static class NoMonoListeners {

		@DomainEventListener
		void onEventDeleted(EventDeleted deleted) {
		}

	}

	static class WrongParameterListeners {

		@DomainEventListener
		Mono<Void> onEventDeleted(String eventId) {
			return Mono.empty();
		}

	}

	static class WildcardListeners {

		@DomainEventListener
		Mono<Void> onAnything(EventEnvelope<?> envelope) {
			return Mono.empty();
		}

	}

	static class TwiceListeners {

		@DomainEventListener
		Mono<Void> onEventDeleted(EventDeleted deleted) {
			return Mono.empty();
		}

		@DomainEventListener
		Mono<Void> onEventDeletedAgain(EventEnvelope<EventDeleted> envelope) {
			return Mono.empty();
		}

	}

}
