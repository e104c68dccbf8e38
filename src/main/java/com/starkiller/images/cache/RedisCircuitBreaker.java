package com.starkiller.images.cache;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Redis is a cache, never a dependency: a failed cache call is logged once and the request goes on
 * to MongoDB. After a failure the breaker opens and caches are skipped for a short while, so a slow
 * or dead Redis costs one timeout, not one per request; the first call after that tries again.
 * A timeout that waited across a stall of this JVM (a full collection) says nothing about Redis:
 * that request goes to MongoDB, but the breaker stays closed ({@link PausedTimeouts}).
 */
class RedisCircuitBreaker implements CacheErrorHandler {

	/** Failed Redis calls, each of which opened (or kept open) the breaker. */
	static final String FAILURES = "starkiller.redis.failures";

	private static final Logger log = LoggerFactory.getLogger(RedisCircuitBreaker.class);

	private final long retryAfterNanos;

	private final ApplicationEventPublisher events;

	private final Counter failures;

	private final PausedTimeouts pausedTimeouts;

	private volatile long retryAt;

	private volatile boolean open;

	/** Failures counted so far, so that a recovery can tell whether one came while it ran. */
	private long failed;

	/** Held by the one request that runs a recovery ({@link #recordSuccess}). */
	private final ReentrantLock recovering = new ReentrantLock();

	/** Guards {@link #open}, {@link #retryAt} and {@link #failed} together. */
	private final Object state = new Object();

	RedisCircuitBreaker(Duration retryAfter, PausedTimeouts pausedTimeouts, ApplicationEventPublisher events,
			MeterRegistry meters) {
		this.retryAfterNanos = retryAfter.toNanos();
		this.pausedTimeouts = pausedTimeouts;
		this.events = events;
		this.failures = meters.counter(FAILURES);
	}

	/** Whether Redis should be called now: closed, or open long enough to try again. */
	boolean allowsCalls() {
		return !this.open || System.nanoTime() - this.retryAt >= 0;
	}

	boolean isOpen() {
		return this.open;
	}

	/**
	 * Called after a Redis call succeeded. The first success after an outage publishes
	 * {@link Recovered} synchronously, so writes acknowledged meanwhile are evicted before the
	 * caller reads anything from Redis. A failure while that runs (a write that could not tell
	 * Redis, and whose key the recovery may have missed) keeps the breaker open: the next try
	 * recovers again.
	 */
	void recordSuccess() {
		// One recovery at a time, and no one waits for it: it reads MongoDB for every key written
		// meanwhile, and a request that finds it running goes on as if Redis were still away.
		if (!this.open || !this.recovering.tryLock()) {
			return;
		}
		try {
			if (!this.open) {
				return;
			}
			long failedBefore;
			synchronized (this.state) {
				failedBefore = this.failed;
			}
			this.events.publishEvent(new Recovered());
			synchronized (this.state) {
				if (this.failed != failedBefore) {
					return;
				}
				this.open = false;
			}
		}
		finally {
			this.recovering.unlock();
		}
		log.info("Redis answers again: caching resumed");
	}

	void recordFailure(RuntimeException ex) {
		if (this.pausedTimeouts.forgive(ex)) {
			return;
		}
		this.failures.increment();
		boolean wasOpen;
		synchronized (this.state) {
			this.failed++;
			wasOpen = this.open;
			this.retryAt = System.nanoTime() + this.retryAfterNanos;
			this.open = true;
		}
		if (!wasOpen) {
			log.warn("Redis unavailable, serving from MongoDB until it answers: {}", ex.toString());
		}
	}

	/**
	 * A write that did not call Redis because the breaker is open: no failure, so the next try
	 * stays when it was, but a recovery running meanwhile may have missed its key and must not
	 * close the breaker ({@link #recordSuccess}).
	 */
	void skipped() {
		synchronized (this.state) {
			this.failed++;
		}
	}

	/** Redis answers again after an outage. */
	record Recovered() {
	}

	@Override
	public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
		recordFailure(exception);
	}

	@Override
	public void handleCachePutError(RuntimeException exception, Cache cache, Object key, Object value) {
		recordFailure(exception);
	}

	@Override
	public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
		recordFailure(exception);
	}

	@Override
	public void handleCacheClearError(RuntimeException exception, Cache cache) {
		recordFailure(exception);
	}

}
