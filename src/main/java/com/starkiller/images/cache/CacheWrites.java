package com.starkiller.images.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a write does to the caches, so every instance serves it at once: it replaces (or removes)
 * the entry in the shared Redis, then has every instance drop its near copy. When Redis or an
 * instance cannot be told, the key goes to {@link PendingEvictions}, and the write answers only
 * once no instance can still serve the old value: after the longest an instance may trust its
 * near copies without hearing the channel, and after every instance's next sweep. So even then no
 * read after the acknowledgement is stale; such writes are only slower (a few seconds).
 */
public class CacheWrites {

	private static final Logger log = LoggerFactory.getLogger(CacheWrites.class);

	private final TwoLevelCacheManager caches;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final PendingEvictions pending;

	private final Duration convergence;

	CacheWrites(TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near, InvalidationChannel channel,
			PendingEvictions pending, Duration pendingSweep) {
		this.caches = caches;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.pending = pending;
		Duration longest = (pendingSweep.compareTo(ChannelLiveness.ECHO_LIMIT) > 0) ? pendingSweep
				: ChannelLiveness.ECHO_LIMIT;
		this.convergence = longest.plusMillis(500);
	}

	/** A written entry's new value, over whatever Redis holds. */
	public void replace(String cacheName, Object key, Object value) {
		write(cacheName, key, (cache) -> cache.replace(key, value));
	}

	/** A deleted entry. */
	public void remove(String cacheName, Object key) {
		write(cacheName, key, (cache) -> cache.evict(key));
	}

	/**
	 * Entries written in bulk outside these writes (a seed): Redis forgets what it remembered of
	 * those keys (markers of absence) in one command. Nothing else held them, so no instance is told.
	 */
	public void created(String cacheName, Collection<?> keys) {
		if (keys.isEmpty() || !this.breaker.allowsCalls()) {
			return;
		}
		try {
			this.caches.getCache(cacheName).evictAll(keys);
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			log.debug("Bulk eviction of {} keys of {} did not reach Redis: {}", keys.size(), cacheName, ex.toString());
		}
	}

	private void write(String cacheName, Object key, Consumer<TwoLevelCache> change) {
		boolean everyInstanceTold = false;
		try {
			if (!this.breaker.allowsCalls()) {
				throw new IllegalStateException("Redis is marked down");
			}
			change.accept(this.caches.getCache(cacheName));
			// Only once Redis holds the new value: an instance that drops its copy reads that.
			everyInstanceTold = this.channel.publishEviction(cacheName, key);
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			log.debug("Write of {}::{} did not reach Redis: {}", cacheName, key, ex.toString());
		}
		finally {
			// After the Redis write: a read of the old value that raced with it is dropped too.
			this.near.drop(cacheName, key);
		}
		if (!everyInstanceTold) {
			log.info("Write of {}::{} not confirmed by every instance: answering once none can serve the old value",
					cacheName, key);
			this.pending.add(cacheName, key);
			awaitConvergence();
		}
	}

	private void awaitConvergence() {
		try {
			Thread.sleep(this.convergence.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
