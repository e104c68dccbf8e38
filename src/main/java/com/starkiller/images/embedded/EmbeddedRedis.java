package com.starkiller.images.embedded;

import java.io.IOException;

import redis.embedded.RedisServer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no Redis configured, a real {@code redis-server} (the binary shipped in the embedded-redis
 * package) runs on a free loopback port and stops with the app. It is a cache and session store
 * only, so it keeps nothing on disk.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedServers.NoRedisConfigured.class)
class EmbeddedRedis {

	@Bean(destroyMethod = "stop")
	RedisServer embeddedRedisServer() throws IOException {
		RedisServer server = RedisServer.newRedisServer()
			.bind(FreePorts.LOOPBACK)
			.port(FreePorts.next())
			.setting("save \"\"")
			.setting("appendonly no")
			.setting("maxmemory 256mb")
			.setting("maxmemory-policy volatile-lru")
			.build();
		server.start();
		return server;
	}

	@Bean
	DataRedisConnectionDetails redisConnectionDetails(RedisServer server) {
		int port = server.ports().get(0);
		return new DataRedisConnectionDetails() {
			@Override
			public Standalone getStandalone() {
				return Standalone.of(FreePorts.LOOPBACK, port);
			}
		};
	}

}
