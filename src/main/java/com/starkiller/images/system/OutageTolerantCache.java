package com.starkiller.images.system;

import java.util.concurrent.Callable;

import org.springframework.cache.Cache;

/** A Redis cache that steps aside while {@link RedisOutage} says Redis is down. */
class OutageTolerantCache implements Cache {

	private final Cache redis;

	private final RedisOutage outage;

	OutageTolerantCache(Cache redis, RedisOutage outage) {
		this.redis = redis;
		this.outage = outage;
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
		if (!this.outage.cacheUsable()) {
			return null;
		}
		boolean wasDown = this.outage.isDown();
		ValueWrapper value = this.redis.get(key);
		if (wasDown) {
			// Evict what was written during the outage first, then read again.
			this.outage.succeeded();
			value = this.redis.get(key);
		}
		return value;
	}

	@Override
	public <T> T get(Object key, Class<T> type) {
		ValueWrapper value = get(key);
		return (value != null) ? type.cast(value.get()) : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> valueLoader) {
		ValueWrapper value = get(key);
		if (value != null) {
			return (T) value.get();
		}
		try {
			T loaded = valueLoader.call();
			put(key, loaded);
			return loaded;
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
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
