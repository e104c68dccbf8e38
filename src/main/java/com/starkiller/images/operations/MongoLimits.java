package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The MongoDB client's rules. A slow or hung MongoDB costs a request at most {@code starkiller.mongo.timeout} (the driver's
 * client-side operation timeout, {@code timeoutMS}, which covers server selection, the wait for a
 * pooled connection and the operation itself), after which it answers 503. Without it a hung
 * MongoDB would hold every request thread, and cached pages would stop answering too.
 */
@Configuration(proxyBeanMethods = false)
class MongoLimits {

	/**
	 * The rules that keep "a write is visible everywhere at once" true on a replica set, unless the
	 * connection string sets its own: writes acknowledged by a majority (so a failover cannot roll
	 * them back), reads of the majority-committed data from the primary (a version read from a
	 * lagging secondary would let a stale page be kept), and writes and reads retried once across an
	 * election (within {@code starkiller.mongo.timeout}). On one server these cost nothing.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer replicaSetRules(Environment environment) {
		String uri = environment.getProperty("spring.mongodb.uri");
		ConnectionString given = StringUtils.hasText(uri) ? new ConnectionString(uri) : null;
		return (client) -> {
			if (given == null || given.getWriteConcern() == null) {
				client.writeConcern(WriteConcern.MAJORITY);
			}
			if (given == null || given.getReadConcern() == null) {
				client.readConcern(ReadConcern.MAJORITY);
			}
			if (given == null || given.getReadPreference() == null) {
				client.readPreference(ReadPreference.primary());
			}
			client.retryWrites(given == null || given.getRetryWritesValue() == null || given.getRetryWritesValue())
				.retryReads(given == null || given.getRetryReads() == null || given.getRetryReads());
		};
	}

	@Bean
	MongoClientSettingsBuilderCustomizer mongoTimeouts(Settings settings) {
		long timeout = settings.timeout().toMillis();
		return (client) -> client.timeout(timeout, TimeUnit.MILLISECONDS)
			.applyToSocketSettings((socket) -> socket.connectTimeout((int) settings.connectTimeout().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS));
	}

	/** {@code starkiller.mongo.*}: how long a MongoDB operation, and a connection attempt, may take. */
	@Validated
	@ConfigurationProperties("starkiller.mongo")
	record Settings(@DefaultValue("1500ms") @NotNull @DurationMin(millis = 10) Duration timeout,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration connectTimeout) {
	}

}
