package com.starkiller.images.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

	/**
	 * Closed after the server has stopped, as the server depends on it. Best effort: with a data
	 * folder that cannot be made (MongoDB configured elsewhere, a read-only file system), the app
	 * starts all the same, only without this clean-up.
	 */
	@Bean
	RedisPidFile embeddedRedisPidFile(EmbeddedProperties properties) {
		Path dataDir = properties.dataDir().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("No data folder {} for the embedded redis-server's pid file: a kill of the app would leave the "
					+ "server running: {}", dataDir, ex.toString());
		}
		RedisPidFile pidFile = new RedisPidFile(dataDir);
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
