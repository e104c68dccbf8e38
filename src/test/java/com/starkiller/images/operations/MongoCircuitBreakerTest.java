package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandFailedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The breaker opens once MongoDB has failed three operations or more in a row over twice its
 * timeout, refuses work at once while open but lets one operation at a time try (the next as soon
 * as it has failed), and closes on MongoDB's first answer.
 */
class MongoCircuitBreakerTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MongoCircuitBreaker breaker = new MongoCircuitBreaker(this.now::get, Duration.ofMillis(1500),
			this.meters);

	private static RuntimeException timeout() {
		return new DataAccessResourceFailureException("timed out",
				new MongoSocketReadTimeoutException("Timeout while receiving message", new ServerAddress(), null));
	}

	private double refused() {
		return this.meters.counter(MongoCircuitBreaker.REFUSED).count();
	}

	private void open() {
		this.breaker.recordFailure(timeout());
		this.now.addAndGet(Duration.ofSeconds(3).toNanos());
		this.breaker.recordFailure(timeout());
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).isTrue();
	}

	@Test
	void failuresInARowOverTwiceTheTimeoutOpenIt() {
		for (int i = 0; i < 10; i++) {
			this.breaker.recordFailure(timeout());
		}
		this.now.addAndGet(Duration.ofMillis(2900).toNanos());
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).as("a stall: many failures, but not for long").isFalse();

		this.now.addAndGet(Duration.ofMillis(100).toNanos());
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).isTrue();
	}

	@Test
	void anAnswerBetweenFailuresStartsTheCountAnewAndOtherErrorsDoNotCount() {
		this.breaker.recordFailure(timeout());
		this.breaker.recordFailure(timeout());
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		this.breaker.commandSucceeded(null);
		this.breaker.recordFailure(timeout());
		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		this.breaker.recordFailure(timeout());
		this.breaker.recordFailure(new DuplicateKeyException("not an outage"));
		assertThat(this.breaker.isOpen()).isFalse();
		assertThatNoException().isThrownBy(this.breaker::check);

		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).as("three in a row over 2 s only").isFalse();
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).isTrue();
	}

	@Test
	void whileOpenOneOperationAtATimeTriesAndTheNextTriesWhenItHasFailed() {
		open();

		assertThatNoException().as("the first caller tries").isThrownBy(this.breaker::check);
		assertThatThrownBy(this.breaker::check).isInstanceOf(MongoCircuitBreaker.Refused.class)
			.isInstanceOf(DataAccessResourceFailureException.class);
		this.now.addAndGet(Duration.ofMillis(1500).toNanos());
		assertThatThrownBy(this.breaker::check).as("its try is still under way").isInstanceOf(MongoCircuitBreaker.Refused.class);
		assertThat(this.refused()).isEqualTo(2);

		// The refusals themselves are no news about MongoDB; the try's timeout keeps it open and lets the next caller try.
		this.breaker.recordFailure(new MongoCircuitBreaker.Refused());
		assertThatThrownBy(this.breaker::check).isInstanceOf(MongoCircuitBreaker.Refused.class);
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).isTrue();
		assertThatNoException().isThrownBy(this.breaker::check);
		assertThatThrownBy(this.breaker::check).isInstanceOf(MongoCircuitBreaker.Refused.class);
		assertThat(this.refused()).isEqualTo(4);
	}

	@Test
	void aTryWhoseEndIsNeverReportedGivesWayAfterTwiceTheTimeout() {
		open();
		assertThatNoException().isThrownBy(this.breaker::check);
		this.breaker.recordFailure(new DuplicateKeyException("not an outage"));

		this.now.addAndGet(Duration.ofMillis(2999).toNanos());
		assertThatThrownBy(this.breaker::check).isInstanceOf(MongoCircuitBreaker.Refused.class);
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		assertThatNoException().isThrownBy(this.breaker::check);
	}

	@Test
	void aTryThatFailsOnTheDriversOwnApiEndsWithItsCommand() {
		open();
		assertThatNoException().isThrownBy(this.breaker::check);
		assertThatThrownBy(this.breaker::check).isInstanceOf(MongoCircuitBreaker.Refused.class);

		ConnectionDescription connection = new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress()));
		this.breaker.commandFailed(new CommandFailedEvent(null, 1, 1, connection, "starkiller", "find", 1_500_000_000L,
				new MongoSocketReadTimeoutException("Timeout while receiving message", new ServerAddress(), null)));
		assertThat(this.breaker.isOpen()).isTrue();
		assertThatNoException().as("the next caller tries").isThrownBy(this.breaker::check);
	}

	@Test
	void mongosFirstAnswerClosesIt() {
		open();
		this.breaker.commandSucceeded(null);

		assertThat(this.breaker.isOpen()).isFalse();
		assertThatNoException().isThrownBy(this.breaker::check);
		this.now.addAndGet(Duration.ofSeconds(3).toNanos());
		this.breaker.recordFailure(timeout());
		this.breaker.recordFailure(timeout());
		this.breaker.recordFailure(timeout());
		assertThat(this.breaker.isOpen()).as("a new count after the answer").isFalse();
	}

}
