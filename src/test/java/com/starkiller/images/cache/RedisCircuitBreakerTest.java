package com.starkiller.images.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.RedisCommandTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures open the breaker (every one, except a timeout that waited across a stall of this
 * JVM), and when a success closes it.
 */
class RedisCircuitBreakerTest {

	private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aTimeoutWhileTheJvmStalledLeavesItClosed() {
		RedisCircuitBreaker breaker = breaker(stalledJustNow());

		breaker.handleCacheGetError(timeout(), null, 1L);

		assertThat(breaker.isOpen()).isFalse();
		assertThat(breaker.allowsCalls()).isTrue();
		assertThat(count(RedisCircuitBreaker.FAILURES)).isZero();
		assertThat(count(PausedTimeouts.FORGIVEN)).isEqualTo(1);
	}

	@Test
	void aTimeoutWithoutAStallOpensIt() {
		RedisCircuitBreaker breaker = breaker(neverStalled());

		breaker.handleCacheGetError(timeout(), null, 1L);

		assertThat(breaker.isOpen()).isTrue();
		assertThat(breaker.allowsCalls()).isFalse();
		assertThat(count(RedisCircuitBreaker.FAILURES)).isEqualTo(1);
		assertThat(count(PausedTimeouts.FORGIVEN)).isZero();
	}

	@Test
	void aRefusedConnectionOpensItEvenRightAfterAStall() {
		RedisCircuitBreaker breaker = breaker(stalledJustNow());

		breaker.handleCachePutError(new RedisConnectionFailureException("Connection refused"), null, 1L, "value");

		assertThat(breaker.isOpen()).isTrue();
		assertThat(count(PausedTimeouts.FORGIVEN)).isZero();
	}

	@Test
	void aSuccessAfterAnOutageRecoversAndCloses() {
		List<Object> events = new ArrayList<>();
		RedisCircuitBreaker breaker = breaker(neverStalled(), events::add);
		breaker.handleCacheGetError(refused(), null, 1L);

		breaker.recordSuccess();

		assertThat(events).hasSize(1).first().isInstanceOf(RedisCircuitBreaker.Recovered.class);
		assertThat(breaker.isOpen()).isFalse();
	}

	/**
	 * A write that fails at Redis while the recovery runs may record its key after the recovery
	 * looked: the breaker stays open, so the next try recovers again instead of reading Redis.
	 */
	@Test
	void aFailureWhileTheRecoveryRunsKeepsItOpen() {
		AtomicReference<RedisCircuitBreaker> held = new AtomicReference<>();
		RedisCircuitBreaker breaker = breaker(neverStalled(), (event) -> held.get().recordFailure(refused()));
		held.set(breaker);
		breaker.handleCacheGetError(refused(), null, 1L);

		breaker.recordSuccess();

		assertThat(breaker.isOpen()).isTrue();
		assertThat(breaker.allowsCalls()).isFalse();
		assertThat(count(RedisCircuitBreaker.FAILURES)).isEqualTo(2);
	}

	/**
	 * Found by review: the recovery ran inside a synchronized method, so every request that reached
	 * Redis meanwhile waited for it (reading MongoDB for every key written during the outage), and
	 * then, if it failed, ran it again itself. One runs it; the others go on without Redis.
	 */
	@Test
	void aRecoveryRunsOnceAndNoOtherRequestWaitsForIt() throws Exception {
		CountDownLatch inRecovery = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		AtomicInteger recoveries = new AtomicInteger();
		RedisCircuitBreaker breaker = breaker(neverStalled(), (event) -> {
			recoveries.incrementAndGet();
			inRecovery.countDown();
			await(finish);
		});
		breaker.handleCacheGetError(refused(), null, 1L);
		Thread first = new Thread(breaker::recordSuccess, "first");
		first.start();
		await(inRecovery);

		Thread second = new Thread(breaker::recordSuccess, "second");
		second.start();
		second.join(Duration.ofSeconds(30).toMillis());
		assertThat(second.isAlive()).as("the second request, while the first recovers").isFalse();
		assertThat(breaker.isOpen()).as("while the recovery runs").isTrue();

		finish.countDown();
		first.join(Duration.ofSeconds(30).toMillis());
		assertThat(breaker.isOpen()).isFalse();
		assertThat(recoveries).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private RedisCircuitBreaker breaker(JvmPauses pauses) {
		return breaker(pauses, (event) -> {
		});
	}

	private RedisCircuitBreaker breaker(JvmPauses pauses, ApplicationEventPublisher events) {
		return new RedisCircuitBreaker(Duration.ofMinutes(1), new PausedTimeouts(pauses, COMMAND_TIMEOUT, this.meters),
				events, this.meters);
	}

	private static RedisConnectionFailureException refused() {
		return new RedisConnectionFailureException("Connection refused");
	}

	/** Its sleeping thread has not woken for a minute: the JVM is just coming out of a stall. */
	private JvmPauses stalledJustNow() {
		JvmPauses pauses = new JvmPauses(Duration.ofSeconds(1), this.meters);
		pauses.watchFrom(System.nanoTime() - Duration.ofMinutes(1).toNanos());
		return pauses;
	}

	/** Only a stall of a minute would count, and this one watches from now. */
	private JvmPauses neverStalled() {
		JvmPauses pauses = new JvmPauses(Duration.ofMinutes(1), this.meters);
		pauses.watchFrom(System.nanoTime());
		return pauses;
	}

	/** What Spring Data Redis throws when a Lettuce command timed out. */
	private static QueryTimeoutException timeout() {
		return new QueryTimeoutException("Redis command timed out",
				new RedisCommandTimeoutException("Command timed out after 250 millisecond(s)"));
	}

	private double count(String counter) {
		return this.meters.counter(counter).count();
	}

}
