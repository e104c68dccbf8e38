package com.starkiller.images.embedded;

import java.io.IOException;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** One line at start-up that says which mode runs and where the data lives. */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final EmbeddedProperties properties;

	private final ObjectProvider<MongoServer> embeddedMongo;

	private final ObjectProvider<RedisServer> embeddedRedis;

	private final MongoConnectionDetails mongo;

	private final DataRedisConnectionDetails redis;

	StartupReport(EmbeddedProperties properties, ObjectProvider<MongoServer> embeddedMongo,
			ObjectProvider<RedisServer> embeddedRedis, MongoConnectionDetails mongo, DataRedisConnectionDetails redis) {
		this.properties = properties;
		this.embeddedMongo = embeddedMongo;
		this.embeddedRedis = embeddedRedis;
		this.mongo = mongo;
		this.redis = redis;
	}

	@EventListener(ApplicationStartedEvent.class)
	void report() throws IOException {
		log.info("Mode: MongoDB {}; Redis {}", describeMongo(), describeRedis());
	}

	private String describeMongo() throws IOException {
		MongoServer server = this.embeddedMongo.getIfAvailable();
		if (server == null) {
			return "external at " + String.join(",", this.mongo.getConnectionString().getHosts());
		}
		return "embedded (mongo-java-server) at " + server.getLocalAddress() + ", data in "
				+ EmbeddedMongo.dataFile(this.properties);
	}

	private String describeRedis() {
		String where;
		if (this.redis.getCluster() != null) {
			where = "a cluster of " + this.redis.getCluster().getNodes().size() + " nodes";
		}
		else if (this.redis.getSentinel() != null) {
			where = "Sentinel primary " + this.redis.getSentinel().getMaster() + " via "
					+ this.redis.getSentinel().getNodes().size() + " sentinels";
		}
		else {
			where = this.redis.getStandalone().getHost() + ":" + this.redis.getStandalone().getPort();
		}
		return (this.embeddedRedis.getIfAvailable() != null) ? "embedded (redis-server) at " + where + ", nothing on disk"
				: "external at " + where;
	}

}
