package com.starkiller.images.cache;

import java.util.function.Consumer;

/**
 * What a write does to the caches, so every instance serves it at once: it replaces (or removes)
 * the entry in the shared Redis, then has every instance drop its near copy. When Redis or an
 * instance cannot be told, the key goes to {@link PendingEvictions}; the write still succeeds.
 */
public class CacheWrites {

	private final TwoLevelCacheManager caches;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final PendingEvictions pending;

	CacheWrites(TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near, InvalidationChannel channel,
			PendingEvictions pending) {
		this.caches = caches;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.pending = pending;
	}

	/** A written entry's new value, over whatever Redis holds. */
	public void replace(String cacheName, Object key, Object value) {
		write(cacheName, key, (cache) -> cache.replace(key, value));
	}

	/** A deleted entry. */
	public void remove(String cacheName, Object key) {
		write(cacheName, key, (cache) -> cache.evict(key));
	}

	private void write(String cacheName, Object key, Consumer<TwoLevelCache> change) {
		try {
			if (!this.breaker.allowsCalls()) {
				throw new IllegalStateException("Redis is marked down");
			}
			change.accept(this.caches.getCache(cacheName));
			// Only once Redis holds the new value: an instance that drops its copy reads that.
			if (!this.channel.publishEviction(cacheName, key)) {
				// An instance did not confirm in time: the sweep reaches it within seconds.
				this.pending.add(cacheName, key);
			}
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			this.pending.add(cacheName, key);
		}
		finally {
			// After the Redis write: a read of the old value that raced with it is dropped too.
			this.near.drop(cacheName, key);
		}
	}

}
