package com.starkiller.images.cache;

import java.time.Duration;

import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/** How every feature's Redis cache is written: readable keys, typed JSON values, a TTL. */
public final class RedisCaches {

	public static final String KEY_PREFIX = "starkiller:";

	private RedisCaches() {
	}

	public static RedisCacheConfiguration json(Class<?> type, Duration ttl) {
		return json(type, ttl, ttl);
	}

	/** Markers of absence ({@link Versioned#ABSENT}) live {@code absentTtl}, everything else {@code ttl}. */
	public static RedisCacheConfiguration json(Class<?> type, Duration ttl, Duration absentTtl) {
		return RedisCacheConfiguration.defaultCacheConfig()
			.prefixCacheNameWith(KEY_PREFIX)
			.entryTtl((key, value) -> (value instanceof Versioned versioned && versioned.absent()) ? absentTtl : ttl)
			.disableCachingNullValues()
			.serializeValuesWith(SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(type)));
	}

}
