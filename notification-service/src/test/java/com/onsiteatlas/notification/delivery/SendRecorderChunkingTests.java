package com.onsiteatlas.notification.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.onsiteatlas.notification.delivery.NotificationService.EnqueueResult;
import com.onsiteatlas.notification.settings.NotificationConfig;
import com.onsiteatlas.notification.settings.NotificationConfigService;
import com.onsiteatlas.readmodel.Directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The recording of a send takes its sends from a stream with bounded demand and stores
 * them in chunks: with a store slower than the stream, it never holds much more than two
 * chunks, however large the audience (the store, the builder and the settings are
 * stand-ins; the store takes a few milliseconds per chunk).
 */
class SendRecorderChunkingTests {

	private static final int AUDIENCE = 5_000;

	private final NotificationRepository repository = mock(NotificationRepository.class);

	private final NotificationBuilder builder = mock(NotificationBuilder.class);

	private final NotificationConfigService configs = mock(NotificationConfigService.class);

	private final Directory directory = mock(Directory.class);

	private final SendRecorder recorder = new SendRecorder(this.repository, this.builder, this.configs,
			mock(Dispatcher.class), this.directory);

	@Test
	void storesALargeAudienceInChunksWithoutReadingAheadOfTheStore() {
		AtomicLong emitted = new AtomicLong();
		AtomicLong stored = new AtomicLong();
		AtomicLong mostHeld = new AtomicLong();
		AtomicLong largestRequest = new AtomicLong();
		List<Integer> chunks = new ArrayList<>();
		Notification pending = mock(Notification.class);
		when(pending.status()).thenReturn(NotificationStatus.PENDING);
		when(this.builder.build(any(), any(), any())).thenReturn(pending);
		when(this.configs.stored("event-1")).thenReturn(Mono.just(mock(NotificationConfig.class)));
		when(this.directory.conference("event-1")).thenReturn(Mono.empty());
		when(this.repository.insertSkippingDuplicates(anyList())).thenAnswer((invocation) -> {
			List<Notification> chunk = invocation.getArgument(0);
			chunks.add(chunk.size());
			return Mono.delay(Duration.ofMillis(3))
				.doOnNext((tick) -> stored.addAndGet(chunk.size()))
				.thenReturn(Set.<Integer>of());
		});
		Flux<SendRequest> audience = Flux.range(0, AUDIENCE)
			.doOnRequest((n) -> largestRequest.accumulateAndGet(n, Math::max))
			.map(SendRecorderChunkingTests::request)
			.doOnNext((request) -> mostHeld.accumulateAndGet(emitted.incrementAndGet() - stored.get(), Math::max));

		EnqueueResult result = this.recorder.enqueue(audience).block(Duration.ofSeconds(30));

		assertThat(result).isEqualTo(new EnqueueResult(AUDIENCE, 0, 0));
		assertThat(stored.get()).isEqualTo(AUDIENCE);
		assertThat(chunks).hasSize(AUDIENCE / SendRecorder.CHUNK).allSatisfy((size) -> {
			assertThat(size).isEqualTo(SendRecorder.CHUNK);
		});
		// The stream is asked for a few sends at a time, never for all of them.
		assertThat(largestRequest.get()).isLessThan(SendRecorder.CHUNK);
		// One chunk being stored, the next one waiting, and the few sends being built:
		// with the default prefetch the whole audience was read before the first store.
		assertThat(mostHeld.get()).isLessThanOrEqualTo(2L * SendRecorder.CHUNK + 64);
	}

	private static SendRequest request(int i) {
		return new SendRequest("event-1", "registration-" + i, "REG-" + i, null, null, Map.of(),
				new Notification.Recipient("Guest " + i, "guest" + i + "@example.com", null), "send:test", "send");
	}

}
