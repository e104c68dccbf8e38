package com.starkiller.images.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * Redis is a cache, never a dependency: a failed cache call is logged once and the request goes on
 * to MongoDB. After a failure the caches are skipped for a short while, so a slow or dead Redis
 * costs one timeout, not one per request; the first call after that tries again.
 */
public class RedisOutage implements CacheErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

	private final long retryAfterNanos;

	private volatile long retryAt;

	private volatile boolean down;

	private final ApplicationEventPublisher events;

	public RedisOutage(Duration retryAfter, ApplicationEventPublisher events) {
		this.retryAfterNanos = retryAfter.toNanos();
		this.events = events;
	}

	/** Whether cache reads and writes should be tried now. */
	public boolean cacheUsable() {
		return !this.down || System.nanoTime() - this.retryAt >= 0;
	}

	public boolean isDown() {
		return this.down;
	}

	/**
	 * Called after a cache call succeeded. The first success after an outage publishes
	 * {@link Recovered} synchronously, so writes acknowledged meanwhile are evicted before the
	 * caller reads anything from Redis.
	 */
	synchronized void succeeded() {
		if (this.down) {
			this.events.publishEvent(new Recovered());
			this.down = false;
			log.info("Redis answers again: caching resumed");
		}
	}

	/** Redis answers again after an outage. */
	public record Recovered() {
	}

	public void failed(RuntimeException ex) {
		if (!this.down) {
			log.warn("Redis unavailable, serving from MongoDB until it answers: {}", ex.toString());
		}
		this.retryAt = System.nanoTime() + this.retryAfterNanos;
		this.down = true;
	}

	@Override
	public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
		failed(exception);
	}

	@Override
	public void handleCachePutError(RuntimeException exception, Cache cache, Object key, Object value) {
		failed(exception);
	}

	@Override
	public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
		failed(exception);
	}

	@Override
	public void handleCacheClearError(RuntimeException exception, Cache cache) {
		failed(exception);
	}

}
