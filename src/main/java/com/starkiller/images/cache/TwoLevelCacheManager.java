package com.starkiller.images.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;

/** The caches the features declared in Redis, each wrapped as a {@link TwoLevelCache}. */
class TwoLevelCacheManager implements CacheManager {

	private final RedisCacheManager redis;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final NewerOnly newerOnly;

	private final MeterRegistry meters;

	private final Map<String, TwoLevelCache> caches = new ConcurrentHashMap<>();

	TwoLevelCacheManager(RedisCacheManager redis, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, NewerOnly newerOnly, MeterRegistry meters) {
		this.redis = redis;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.newerOnly = newerOnly;
		this.meters = meters;
		// Every declared cache at once, so its lookup counters are scraped from zero, before its first read.
		redis.getCacheNames().forEach(this::getCache);
	}

	/** The cache of that name, or null when no feature declared it. */
	@Override
	public TwoLevelCache getCache(String name) {
		TwoLevelCache cache = this.caches.get(name);
		if (cache == null) {
			org.springframework.cache.Cache redisCache = this.redis.getCache(name);
			if (redisCache == null) {
				return null;
			}
			cache = this.caches.computeIfAbsent(name, (key) -> new TwoLevelCache(redisCache, this.breaker, this.near,
					this.channel, this.newerOnly,
					this.near.holds(name) ? CacheLookups.of(this.meters, CacheLookups.NEAR, name) : null,
					CacheLookups.of(this.meters, CacheLookups.REDIS, name)));
		}
		return cache;
	}

	@Override
	public Collection<String> getCacheNames() {
		return List.copyOf(this.redis.getCacheNames());
	}

}
