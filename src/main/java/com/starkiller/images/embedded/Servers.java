package com.starkiller.images.embedded;

import org.springframework.core.env.Environment;

/** Which servers the app uses: its own embedded ones (the development default) or configured ones. */
public final class Servers {

	private Servers() {
	}

	/** Whether a MongoDB is configured ({@code MONGODB_URI}), so no embedded one runs. */
	public static boolean externalMongo(Environment environment) {
		return EmbeddedServers.anySet(environment, EmbeddedServers.MONGO_SETTINGS);
	}

	/** Whether a Redis is configured ({@code REDIS_URL}, a cluster or Sentinel), so no embedded one runs. */
	public static boolean externalRedis(Environment environment) {
		return EmbeddedServers.anySet(environment, EmbeddedServers.REDIS_SETTINGS);
	}

}
