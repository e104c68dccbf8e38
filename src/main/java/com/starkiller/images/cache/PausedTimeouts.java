package com.starkiller.images.cache;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.QueryTimeoutException;

/**
 * The Redis timeouts that say nothing about Redis: those that waited across a stall of this JVM.
 * When the JVM resumes, every command in flight is past its deadline and may time out before its
 * answer, already in the socket, is read. Only a stall of at least half the command timeout can do
 * that to a Redis that answers in less than the other half, so {@link JvmPauses} counts those.
 */
class PausedTimeouts {

	/** Redis timeouts that overlapped a stall of this JVM, so did not open the breaker. */
	static final String FORGIVEN = "starkiller.redis.timeouts.forgiven";

	private static final Logger log = LoggerFactory.getLogger(PausedTimeouts.class);

	private final JvmPauses pauses;

	/**
	 * Two command timeouts: the command waited one, the stall may have ended at any point of it,
	 * and the caller may reach the breaker a while after the timeout fired (all threads resume at once).
	 */
	private final Duration window;

	private final Counter forgiven;

	private volatile long loggedAt;

	PausedTimeouts(JvmPauses pauses, Duration commandTimeout, MeterRegistry meters) {
		this.pauses = pauses;
		this.window = commandTimeout.multipliedBy(2);
		this.forgiven = Counter.builder(FORGIVEN)
			.description("Redis timeouts that waited across a stall of this JVM, so did not open the circuit breaker")
			.register(meters);
		this.loggedAt = System.nanoTime() - this.window.toNanos() - 1;
	}

	/** Whether this failure is such a timeout (then counted here, not against Redis). */
	boolean forgive(RuntimeException failure) {
		if (!isTimeout(failure) || !this.pauses.stalledWithin(this.window)) {
			return false;
		}
		this.forgiven.increment();
		long now = System.nanoTime();
		// Every command in flight times out at once after a stall: one line for them all.
		if (now - this.loggedAt > this.window.toNanos()) {
			this.loggedAt = now;
			log.info("Redis timeout while this JVM was stalled (a collection, or the process stopped): "
					+ "this request reads MongoDB, caching goes on: {}", failure.toString());
		}
		return true;
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof QueryTimeoutException || cause instanceof RedisCommandTimeoutException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
