package com.starkiller.images.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the two-level cache. Each feature declares its own Redis caches (name, TTL, JSON type)
 * with a {@link RedisCacheManagerBuilderCustomizer}; a cache nobody declared is an error, never a
 * silent JDK-serialized default.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableScheduling
class CacheConfiguration {

	@Bean
	RedisCircuitBreaker redisCircuitBreaker(CacheProperties properties, JvmPauses pauses,
			LettuceConnectionFactory redis, ApplicationEventPublisher events, MeterRegistry meters) {
		Duration commandTimeout = redis.getClientConfiguration().getCommandTimeout();
		return new RedisCircuitBreaker(properties.redisRetryAfter(),
				new PausedTimeouts(pauses, commandTimeout, meters), events, meters);
	}

	/** Stalls of half the command timeout or more: only those can time out a command Redis answered at once. */
	@Bean(initMethod = "start")
	JvmPauses jvmPauses(LettuceConnectionFactory redis, MeterRegistry meters) {
		return new JvmPauses(redis.getClientConfiguration().getCommandTimeout().dividedBy(2), meters);
	}

	@Bean
	RedisPersistence redisPersistence(RedisConnectionFactory redis) {
		return new RedisPersistence(redis);
	}

	@Bean
	NearCache nearCache(CacheProperties properties) {
		return new NearCache(properties.nearCaches(), properties.nearEntries(), properties.nearTtl());
	}

	@Bean
	InvalidationChannel invalidationChannel(NearCache near, StringRedisTemplate publisher, RedisCircuitBreaker breaker,
			LettuceConnectionFactory redis, MeterRegistry meters) {
		return new InvalidationChannel(near, publisher, breaker, new ChannelConnection(redis), meters);
	}

	@Bean
	TwoLevelCacheManager cacheManager(RedisConnectionFactory redis,
			ObjectProvider<RedisCacheManagerBuilderCustomizer> caches, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, MeterRegistry meters) {
		RedisCacheManager.RedisCacheManagerBuilder builder = RedisCacheManager.builder(redis)
			.disableCreateOnMissingCache();
		caches.orderedStream().forEach((customizer) -> customizer.customize(builder));
		RedisCacheManager manager = builder.build();
		manager.afterPropertiesSet();
		return new TwoLevelCacheManager(manager, breaker, near, channel, new NewerOnly(redis), meters);
	}

	@Bean
	PendingEvictions pendingEvictions(MongoTemplate mongo, TwoLevelCacheManager caches, RedisCircuitBreaker breaker,
			NearCache near, InvalidationChannel channel, CacheProperties properties, ObjectProvider<CacheSource> sources,
			MeterRegistry meters) {
		return new PendingEvictions(mongo, caches, breaker, near, channel, properties.pendingSweep(), sources, meters);
	}

	@Bean
	CacheWrites cacheWrites(TwoLevelCacheManager caches, RedisCircuitBreaker breaker, NearCache near,
			InvalidationChannel channel, PendingEvictions pending, CacheProperties properties) {
		return new CacheWrites(caches, breaker, near, channel, pending, properties.pendingSweep());
	}

	@Bean
	CachingConfigurer cachingConfigurer(RedisCircuitBreaker breaker) {
		return new CachingConfigurer() {
			@Override
			public CacheErrorHandler errorHandler() {
				return breaker;
			}
		};
	}

	/** While Redis is unreachable, fail at once instead of queueing commands until they time out. */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return (options) -> options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	/**
	 * A lost connection is tried again at least every second. Lettuce's default backoff doubles up
	 * to 30 s: after a Sentinel failover that took 18 s, the app stayed off Redis (no caches, no
	 * Save) for 15 s more, until its next attempt asked the sentinels for the new primary.
	 */
	@Bean
	ClientResourcesBuilderCustomizer reconnectWithinASecond() {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ZERO, Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
	}

}
