package com.starkiller.images.system;

import java.util.concurrent.Callable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * A Redis cache that steps aside while {@link RedisOutage} says Redis is down, with the
 * instance's {@link NearCache} in front of it when that holds this cache.
 */
class OutageTolerantCache implements Cache {

	private final Cache redis;

	private final RedisOutage outage;

	private final NearCache near;

	OutageTolerantCache(Cache redis, RedisOutage outage, NearCache near) {
		this.redis = redis;
		this.outage = outage;
		this.near = near;
	}

	@Override
	public String getName() {
		return this.redis.getName();
	}

	@Override
	public Object getNativeCache() {
		return this.redis.getNativeCache();
	}

	@Override
	public ValueWrapper get(Object key) {
		Object local = this.near.get(getName(), key);
		if (local != null) {
			return new SimpleValueWrapper(local);
		}
		if (!this.outage.cacheUsable()) {
			return null;
		}
		boolean wasDown = this.outage.isDown();
		long generation = this.near.generation();
		ValueWrapper value = this.redis.get(key);
		if (wasDown) {
			// Evict what was written during the outage first, then read again.
			this.outage.succeeded();
			generation = this.near.generation();
			value = this.redis.get(key);
		}
		if (value != null && value.get() != null) {
			this.near.fill(getName(), key, value.get(), generation);
		}
		return value;
	}

	@Override
	public <T> T get(Object key, Class<T> type) {
		ValueWrapper value = get(key);
		return (value != null) ? type.cast(value.get()) : null;
	}

	/**
	 * The path of {@code @Cacheable(sync = true)}: on a miss the loaded value is added to Redis
	 * where nothing is, and whatever Redis then holds is what this instance keeps near.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> valueLoader) {
		ValueWrapper value = get(key);
		if (value != null) {
			return (T) value.get();
		}
		long generation = this.near.generation();
		T loaded;
		try {
			loaded = valueLoader.call();
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
		if (loaded == null || !this.outage.cacheUsable()) {
			return loaded;
		}
		try {
			ValueWrapper present = this.redis.putIfAbsent(key, loaded);
			T kept = (present != null && present.get() != null) ? (T) present.get() : loaded;
			this.near.fill(getName(), key, kept, generation);
			return kept;
		}
		catch (RuntimeException ex) {
			this.outage.failed(ex);
			return loaded;
		}
	}

	/**
	 * Reads fill the cache only where nothing is: a read that loaded old data just before a write
	 * cannot overwrite what the write put.
	 */
	@Override
	public void put(Object key, Object value) {
		if (this.outage.cacheUsable()) {
			this.redis.putIfAbsent(key, value);
		}
	}

	/** A write's new value, over whatever is there. */
	void replace(Object key, Object value) {
		this.redis.put(key, value);
	}

	void evictNow(Object key) {
		this.redis.evict(key);
	}

	boolean isGone(Object key) {
		return this.redis.get(key) == null;
	}

	// Evictions are always tried: skipping one could leave a stale entry behind.
	@Override
	public void evict(Object key) {
		this.redis.evict(key);
	}

	@Override
	public void clear() {
		this.redis.clear();
	}

}
