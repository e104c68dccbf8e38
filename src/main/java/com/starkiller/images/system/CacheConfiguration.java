package com.starkiller.images.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.ClientOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Responses are cached in Redis through the Spring Cache abstraction. Each feature declares its
 * own caches (name, TTL, JSON type) with a {@link RedisCacheManagerBuilderCustomizer}; a cache
 * nobody declared is an error, never a silent JDK-serialized default.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableScheduling
class CacheConfiguration {

	@Bean
	RedisOutage redisOutage(StarkillerProperties properties, ApplicationEventPublisher events) {
		return new RedisOutage(properties.cache().redisRetryAfter(), events);
	}

	@Bean
	NearCache nearCache(StarkillerProperties properties, LettuceConnectionFactory redis, StringRedisTemplate publisher,
			RedisOutage outage) {
		StarkillerProperties.Cache cache = properties.cache();
		return new NearCache(cache.nearCaches(), cache.nearEntries(), cache.nearTtl(), redis, publisher, outage);
	}

	@Bean
	CacheManager cacheManager(RedisConnectionFactory redis, ObjectProvider<RedisCacheManagerBuilderCustomizer> caches,
			RedisOutage outage, NearCache near) {
		RedisCacheManager.RedisCacheManagerBuilder builder = RedisCacheManager.builder(redis)
			.disableCreateOnMissingCache();
		caches.orderedStream().forEach((customizer) -> customizer.customize(builder));
		RedisCacheManager manager = builder.build();
		manager.afterPropertiesSet();
		return new OutageTolerantCacheManager(manager, outage, near);
	}

	@Bean
	CachingConfigurer cachingConfigurer(RedisOutage outage) {
		return new CachingConfigurer() {
			@Override
			public CacheErrorHandler errorHandler() {
				return outage;
			}
		};
	}

	/** While Redis is unreachable, fail at once instead of queueing commands until they time out. */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	private static final class OutageTolerantCacheManager implements CacheManager {

		private final RedisCacheManager redis;

		private final RedisOutage outage;

		private final NearCache near;

		private final Map<String, Cache> caches = new ConcurrentHashMap<>();

		OutageTolerantCacheManager(RedisCacheManager redis, RedisOutage outage, NearCache near) {
			this.redis = redis;
			this.outage = outage;
			this.near = near;
		}

		@Override
		public Cache getCache(String name) {
			Cache cache = this.caches.get(name);
			if (cache == null) {
				Cache redisCache = this.redis.getCache(name);
				if (redisCache == null) {
					return null;
				}
				cache = this.caches.computeIfAbsent(name, (key) -> new OutageTolerantCache(redisCache, this.outage,
						this.near));
			}
			return cache;
		}

		@Override
		public Collection<String> getCacheNames() {
			return List.copyOf(this.redis.getCacheNames());
		}

	}

}
