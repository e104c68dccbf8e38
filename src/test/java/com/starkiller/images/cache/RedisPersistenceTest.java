package com.starkiller.images.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' redis-server runs as a cache (nothing on disk); given save points, the start warns. */
class RedisPersistenceTest {

	private LettuceConnectionFactory factory;

	private RedisClient admin;

	@BeforeEach
	void connect() {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestServers.redisPort()));
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.admin = RedisClient.create(TestServers.redisUrl());
	}

	@AfterEach
	void disconnect() {
		config("save", "");
		this.admin.shutdown();
		this.factory.destroy();
	}

	@Test
	void aRedisThatKeepsNothingOnDiskIsNoConcern() {
		assertThat(new RedisPersistence(this.factory).warning()).isEmpty();
	}

	@Test
	void aRedisThatSavesSnapshotsIsWarnedOf() {
		config("save", "3600 1");

		assertThat(new RedisPersistence(this.factory).warning())
			.hasValueSatisfying((warning) -> assertThat(warning).contains("3600 1", "save \"\" and appendonly no"));
	}

	@Test
	void aRedisOutOfReachIsNoErrorAtStart() {
		LettuceConnectionFactory away = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		away.afterPropertiesSet();
		away.start();
		try {
			assertThat(new RedisPersistence(away).warning()).isEmpty();
		}
		finally {
			away.destroy();
		}
	}

	private void config(String name, String value) {
		try (StatefulRedisConnection<String, String> connection = this.admin.connect()) {
			connection.sync().configSet(name, value);
		}
	}

}
