package com.starkiller.images;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An app instance that reaches the test MongoDB and Redis through proxies a test can freeze (a
 * hung server) or cut connections of, each its own, so the other instances of the suite are not
 * touched. It keeps its data apart from theirs, in a database and a Redis database of its own (the
 * invalidation channel is still shared, as channels span Redis databases): the suite's other
 * instances keep running, and one of them sweeping the same pending evictions or answering from
 * the same cache entries would do, with its Redis in reach, what the test means this one to do.
 */
public record ProxiedInstance(FreezableProxy mongo, FreezableProxy redis, AppInstance app, String database)
		implements AutoCloseable {

	/** Redis has databases 0 to 15; the suite's other instances use 0. */
	private static final AtomicInteger STARTED = new AtomicInteger();

	/** Redis databases above this one are for tests that share one among instances ({@link #sharing}). */
	private static final int OWN_DATABASES = 12;

	/** Starts one (its MongoDB database is {@link #database}); each setting {@code name=value} as for {@link AppInstance#start}. */
	public static ProxiedInstance start(String... settings) {
		int own = STARTED.incrementAndGet();
		if (own > OWN_DATABASES) {
			throw new IllegalStateException("Redis has no database left for another proxied instance");
		}
		return sharing("proxied-" + own, own, settings);
	}

	/**
	 * Starts one on this MongoDB database and this Redis database (13 to 15: the others are taken by
	 * {@link #start}), which other instances of the test use too.
	 */
	public static ProxiedInstance sharing(String database, int redisDatabase, String... settings) {
		FreezableProxy mongo = new FreezableProxy("127.0.0.1", TestServers.mongoPort());
		FreezableProxy redis = new FreezableProxy("127.0.0.1", TestServers.redisPort());
		String[] through = { "spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.port() + "/" + database,
				"spring.data.redis.url=redis://127.0.0.1:" + redis.port() + "/" + redisDatabase };
		return new ProxiedInstance(mongo, redis,
				AppInstance.start(Stream.concat(Stream.of(through), Stream.of(settings)).toArray(String[]::new)),
				database);
	}

	@Override
	public void close() {
		this.app.close();
		this.redis.close();
		this.mongo.close();
	}

}
