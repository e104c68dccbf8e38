package com.starkiller.images.cache;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.CacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;

/** The caches the features declared in Redis, each wrapped as a {@link TwoLevelCache}. */
class TwoLevelCacheManager implements CacheManager {

	private final RedisCacheManager redis;

	private final RedisCircuitBreaker breaker;

	private final NearCache near;

	private final InvalidationChannel channel;

	private final NewerOnly newerOnly;

	private final Map<String, TwoLevelCache> caches = new ConcurrentHashMap<>();

	TwoLevelCacheManager(RedisCacheManager redis, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, NewerOnly newerOnly) {
		this.redis = redis;
		this.breaker = breaker;
		this.near = near;
		this.channel = channel;
		this.newerOnly = newerOnly;
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
			cache = this.caches.computeIfAbsent(name,
					(key) -> new TwoLevelCache(redisCache, this.breaker, this.near, this.channel, this.newerOnly));
		}
		return cache;
	}

	@Override
	public Collection<String> getCacheNames() {
		return List.copyOf(this.redis.getCacheNames());
	}

}
