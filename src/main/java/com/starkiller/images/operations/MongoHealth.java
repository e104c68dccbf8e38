package com.starkiller.images.operations;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB's health, by the standard {@code ping} command. Replaces Boot's indicator, whose
 * {@code hello} command the embedded mongo-java-server does not know; real servers answer both.
 */
@Component("mongoHealthIndicator")
class MongoHealth extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoHealth(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		builder.status((answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0) ? "UP" : "DOWN")
			.withDetail("database", this.mongo.getDb().getName());
	}

}
