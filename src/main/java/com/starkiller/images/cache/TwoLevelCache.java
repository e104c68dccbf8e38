package com.starkiller.images.cache;

import java.util.Collection;

import java.util.concurrent.Callable;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.data.redis.cache.RedisCache;

/**
 * One feature's cache: the instance's {@link NearCache} copy when it holds one and can be trusted,
 * else Redis, which is skipped while the {@link RedisCircuitBreaker} is open. Reads only ever add
 * entries where none is; a write's new value replaces what is there ({@link #replace}).
 */
class TwoLevelCache implements Cache {

	private final Cache redis;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final NewerOnly newerOnly;

	/** Null for a cache without a near copy. */
	private final CacheLookups nearLookups;

	private final CacheLookups redisLookups;

	TwoLevelCache(Cache redis, RedisCircuitBreaker breaker, NearCache near, InvalidationChannel channel,
			NewerOnly newerOnly, CacheLookups nearLookups, CacheLookups redisLookups) {
		this.redis = redis;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.newerOnly = newerOnly;
		this.nearLookups = nearLookups;
		this.redisLookups = redisLookups;
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
		if (this.nearLookups != null && this.channel.trusted() && this.near.holds(getName())) {
			Object local = this.near.get(getName(), key);
			this.nearLookups.count(local != null);
			if (local != null) {
				return new SimpleValueWrapper(local);
			}
		}
		if (!this.breaker.allowsCalls()) {
			return null;
		}
		boolean wasOpen = this.breaker.isOpen();
		long generation = this.near.generation();
		ValueWrapper value = this.redis.get(key);
		if (wasOpen) {
			// Evict what was written during the outage first, then read again; but not if a failure
			// came meanwhile (a write's key the recovery may have missed): then this is a miss.
			this.breaker.recordSuccess();
			if (this.breaker.isOpen()) {
				return null;
			}
			generation = this.near.generation();
			value = this.redis.get(key);
		}
		this.redisLookups.count(value != null);
		if (value != null && value.get() != null) {
			keepNear(key, value.get(), generation);
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
	 * where nothing is (unless the breaker is open), and whatever Redis then holds is what this
	 * instance keeps near and answers.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> valueLoader) {
		ValueWrapper value;
		try {
			value = get(key);
		}
		catch (RuntimeException ex) {
			// Handled here, not by Spring's error handler: if the load failed too, Spring would report
			// this Redis failure in place of the load's, and a MongoDB outage would answer 500, not 503.
			this.breaker.recordFailure(ex);
			value = null;
		}
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
		// Not while the breaker is open, even once it allows a try: only a lookup tries Redis again,
		// since only its success evicts what was written during the outage first. Added where
		// nothing is, the loaded value would meet such an old value in Redis, and answer with it.
		if (loaded == null || this.breaker.isOpen()) {
			return loaded;
		}
		try {
			ValueWrapper present = this.redis.putIfAbsent(key, loaded);
			T kept = (present != null && present.get() != null) ? (T) present.get() : loaded;
			keepNear(key, kept, generation);
			return kept;
		}
		catch (RuntimeException ex) {
			this.breaker.recordFailure(ex);
			return loaded;
		}
	}

	private void keepNear(Object key, Object value, long generationAtRead) {
		// A scan of unknown ids must not push the hot entries out of the near cache.
		if (this.channel.trusted() && !(value instanceof Versioned versioned && versioned.absent())) {
			this.near.fill(getName(), key, value, generationAtRead);
		}
	}

	/** Reads fill only where nothing is: a read of old data cannot overwrite what a write put. */
	@Override
	public void put(Object key, Object value) {
		if (this.breaker.allowsCalls()) {
			this.redis.putIfAbsent(key, value);
		}
	}

	/** A write's new value, over whatever is there; a versioned one only over an older version. */
	void replace(Object key, Object value) {
		if (value instanceof Versioned versioned && this.redis instanceof RedisCache redisCache) {
			this.newerOnly.put(redisCache, key, versioned);
		}
		else {
			this.redis.put(key, value);
		}
	}

	/**
	 * Drops these keys from Redis in one command, for values written in bulk outside the cache's
	 * writes: what Redis held of them can only be markers of absence, which no near cache keeps.
	 */
	void evictAll(Collection<?> keys) {
		if (this.redis instanceof RedisCache redisCache) {
			this.newerOnly.deleteAll(redisCache, keys);
		}
		else {
			keys.forEach(this.redis::evict);
		}
	}

	/** Always tried, even while the breaker is open: skipping it could leave a stale entry behind. */
	@Override
	public void evict(Object key) {
		this.redis.evict(key);
	}

	boolean isAbsent(Object key) {
		return this.redis.get(key) == null;
	}

	@Override
	public void clear() {
		this.redis.clear();
	}

}
