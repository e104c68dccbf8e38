package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import com.mongodb.client.gridfs.GridFSBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The MongoDB client's rules. A slow or hung MongoDB costs a request at most {@code starkiller.mongo.timeout} (the driver's
 * client-side operation timeout, {@code timeoutMS}, which covers server selection, the wait for a
 * pooled connection and the operation itself), after which it answers 503. Without it a hung
 * MongoDB would hold every request thread, and cached pages would stop answering too; and once it
 * has failed every operation for twice that timeout, the {@link MongoCircuitBreaker} stops requests
 * waiting at all.
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

	@Bean
	MongoCircuitBreaker mongoCircuitBreaker(Settings settings, MeterRegistry meters) {
		return new MongoCircuitBreaker(System::nanoTime, settings.timeout(), meters);
	}

	@Bean
	MongoClientSettingsBuilderCustomizer mongoCircuitBreakerListener(MongoCircuitBreaker breaker) {
		return (client) -> client.addCommandListener(breaker);
	}

	/** Every MongoDB operation of the application asks the breaker first ({@link GuardedDatabaseFactory}). */
	@Bean
	static BeanPostProcessor guardedMongoDatabases(ObjectProvider<MongoCircuitBreaker> breaker) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof MongoDatabaseFactory factory && !(bean instanceof GuardedDatabaseFactory))
						? new GuardedDatabaseFactory(factory, breaker.getObject()) : bean;
			}
		};
	}

	/**
	 * GridFS asks the breaker on every operation too. Spring Data's own template takes its database
	 * from the factory once, at its first use, so after that image reads and writes went past the
	 * breaker: each waited the whole timeout while MongoDB was down, holding a request thread.
	 */
	@Bean
	GridFsTemplate gridFsTemplate(MongoDatabaseFactory databases, MongoConverter converter) {
		return new GridFsTemplate(converter, () -> GridFSBuckets.create(databases.getMongoDatabase()));
	}

	/** {@code starkiller.mongo.*}: how long a MongoDB operation, and a connection attempt, may take. */
	@Validated
	@ConfigurationProperties("starkiller.mongo")
	record Settings(@DefaultValue("1500ms") @NotNull @DurationMin(millis = 10) Duration timeout,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration connectTimeout) {
	}

}
