package com.starkiller.images.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import redis.embedded.RedisServer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no Redis configured, a real {@code redis-server} (the binary shipped in the embedded-redis
 * package) runs on a free loopback port and stops with the app. It is a cache and session store
 * only, so it keeps nothing on disk but its pid file ({@link RedisPidFile}), by which the next
 * start stops a server that a killed app left running.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedServers.NoRedisConfigured.class)
class EmbeddedRedis {

	/** Closed after the server has stopped, as the server depends on it. */
	@Bean
	RedisPidFile embeddedRedisPidFile(EmbeddedProperties properties) throws IOException {
		RedisPidFile pidFile = new RedisPidFile(
				Files.createDirectories(properties.dataDir().toAbsolutePath().normalize()));
		pidFile.stopLeftover();
		return pidFile;
	}

	@Bean(destroyMethod = "stop")
	RedisServer embeddedRedisServer(RedisPidFile pidFile) throws IOException {
		int port = FreePorts.next();
		// The command is built here, not by build(), so that the pid file can name its binary and configuration.
		List<String> command = RedisServer.newRedisServer()
			.bind(FreePorts.LOOPBACK)
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.setting("maxmemory 256mb")
			.setting("maxmemory-policy volatile-lru")
			.buildCommandArgs();
		RedisServer server = new RedisServer(port, command, false);
		server.start();
		pidFile.record(port, command);
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
