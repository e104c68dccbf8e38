package com.starkiller.images.operations;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * A slow or hung MongoDB costs a request at most {@code starkiller.mongo.timeout} (the driver's
 * client-side operation timeout, {@code timeoutMS}, which covers server selection, the wait for a
 * pooled connection and the operation itself), after which it answers 503. Without it a hung
 * MongoDB would hold every request thread, and cached pages would stop answering too.
 */
@Configuration(proxyBeanMethods = false)
class MongoLimits {

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
