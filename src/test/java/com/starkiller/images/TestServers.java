package com.starkiller.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import redis.embedded.RedisServer;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.starkiller.images.embedded.FreePorts;

/**
 * The real servers integration tests run against, started once per test JVM on free loopback
 * ports: a MongoDB wire-protocol server (mongo-java-server) and a redis-server process.
 */
public final class TestServers {

	private static final MongoServer MONGO = startMongo();

	private static final int REDIS_PORT = FreePorts.next();

	private static final RedisServer REDIS = newRedis();

	private TestServers() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", TestServers::mongoUri);
		registry.add("spring.data.redis.url", TestServers::redisUrl);
	}

	public static String mongoUri() {
		return mongoUri("starkiller");
	}

	/** A database of its own, for a test that needs one empty at first. */
	public static String mongoUri(String database) {
		return MONGO.getConnectionString() + "/" + database;
	}

	public static int mongoPort() {
		return MONGO.getLocalAddress().getPort();
	}

	public static int redisPort() {
		return REDIS_PORT;
	}

	public static String redisUrl() {
		return "redis://127.0.0.1:" + REDIS_PORT;
	}

	public static void stopRedis() {
		try {
			REDIS.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void startRedis() {
		try {
			REDIS.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Redis keeps its data but answers nobody for this long, as in a network partition. */
	public static void pauseRedis(Duration duration) {
		RedisProcesses.call(REDIS_PORT, (redis) -> redis.clientPause(duration.toMillis()));
	}

	/** How many times the test Redis has run {@code command} (INFO commandstats), such as "get". */
	public static long redisCalls(String command) {
		return RedisProcesses.calls(List.of(REDIS_PORT), command);
	}

	private static MongoServer startMongo() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind(FreePorts.LOOPBACK, FreePorts.next());
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		return server;
	}

	private static RedisServer newRedis() {
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind(FreePorts.LOOPBACK)
				.port(REDIS_PORT)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopRedis));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
