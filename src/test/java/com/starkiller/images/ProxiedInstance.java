package com.starkiller.images;

import java.util.stream.Stream;

/**
 * An app instance that reaches the test MongoDB and Redis through proxies a test can freeze (a
 * hung server) or cut connections of, each its own, so the other instances of the suite are not
 * touched.
 */
public record ProxiedInstance(FreezableProxy mongo, FreezableProxy redis, AppInstance app) implements AutoCloseable {

	/** Starts one; each setting {@code name=value} as for {@link AppInstance#start}. */
	public static ProxiedInstance start(String... settings) {
		FreezableProxy mongo = new FreezableProxy("127.0.0.1", TestServers.mongoPort());
		FreezableProxy redis = new FreezableProxy("127.0.0.1", TestServers.redisPort());
		String[] through = { "spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.port() + "/starkiller",
				"spring.data.redis.url=redis://127.0.0.1:" + redis.port() };
		return new ProxiedInstance(mongo, redis,
				AppInstance.start(Stream.concat(Stream.of(through), Stream.of(settings)).toArray(String[]::new)));
	}

	@Override
	public void close() {
		this.app.close();
		this.redis.close();
		this.mongo.close();
	}

}
