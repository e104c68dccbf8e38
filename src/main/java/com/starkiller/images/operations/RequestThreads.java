package com.starkiller.images.operations;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tomcat's request threads: {@value #PER_PROCESSOR} per processor the JVM may use and at least
 * {@value #AT_LEAST} (room for requests that wait on a slow MongoDB on a small instance), unless
 * {@code server.tomcat.threads.max} (or {@code TOMCAT_MAX_THREADS}) says otherwise. A hot answer is CPU work, so threads beyond a
 * few per core only wait for their turn and take it from one another: on one core, 32 threads
 * served the hot page at about half the rate of four, with a p99 some twenty times longer
 * (docs/benchmarks.md, tenth pass). A request waiting on MongoDB holds its thread for at most
 * {@code starkiller.mongo.timeout}.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	static final String MAX_THREADS = "server.tomcat.threads.max";

	static final String MAX_THREADS_VARIABLE = "TOMCAT_MAX_THREADS";

	static final int PER_PROCESSOR = 4;

	static final int AT_LEAST = 8;

	static int byDefault(int processors) {
		return Math.max(AT_LEAST, PER_PROCESSOR * processors);
	}

	// Unordered, so it runs after Spring Boot's own Tomcat customizer, which sets Tomcat's default of 200.
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> maxThreads(Environment environment) {
		int max = environment.getProperty(MAX_THREADS, Integer.class, environment.getProperty(MAX_THREADS_VARIABLE,
				Integer.class, byDefault(Runtime.getRuntime().availableProcessors())));
		return (factory) -> factory.addConnectorCustomizers((connector) -> {
			if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
				protocol.setMaxThreads(max);
			}
		});
	}

}
