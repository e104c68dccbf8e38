package com.starkiller.images;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole app instance in this JVM, on a free port, against {@link TestServers}: tests that need
 * two instances sharing one MongoDB and one Redis start two of these.
 */
public final class AppInstance implements AutoCloseable {

	public static final String TOKEN = "instance-test-token-0123456789abcdef";

	public static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	private final ConfigurableApplicationContext context;

	private final Http http;

	private final Http management;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
		this.management = new Http(context.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
	}

	/**
	 * Starts an instance; each setting {@code name=value} replaces the default of that name, and
	 * {@code name=} removes it.
	 */
	public static AppInstance start(String... settings) {
		return new AppInstance(new SpringApplicationBuilder(StarkillerImagesApplication.class)
			.listeners(AppInstance::oneAtATime)
			.run(arguments(settings)));
	}

	/** The command-line arguments {@link #start} gives an instance: its defaults with these settings applied. */
	public static String[] arguments(String... settings) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("server.port", "0");
		values.put("management.server.port", "0");
		values.put("spring.mongodb.uri", TestServers.mongoUri());
		values.put("spring.data.redis.url", TestServers.redisUrl());
		values.put("starkiller.api.token", TOKEN);
		values.put("starkiller.seed.demo", "true");
		values.put("starkiller.seed.demo-listings", "300");
		values.put("starkiller.seed.image-pool", "6");
		values.put("starkiller.seed.batch-size", "20");
		values.put("starkiller.cache.pending-sweep", "1s");
		for (String setting : settings) {
			String[] nameValue = setting.split("=", 2);
			if (nameValue[1].isEmpty()) {
				values.remove(nameValue[0]);
			}
			else {
				values.put(nameValue[0], nameValue[1]);
			}
		}
		return values.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	// Spring Boot sets up logging for the whole JVM; two instances doing it at once race in Logback's
	// context ("Unable to find Spring Environment in logger context"). Instances started together
	// take turns until logging is set up, and run the rest of their start (and their seeding) at once.
	private static final ReentrantLock EARLY_START = new ReentrantLock();

	private static void oneAtATime(ApplicationEvent event) {
		if (event instanceof ApplicationStartingEvent) {
			EARLY_START.lock();
		}
		else if ((event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent)
				&& EARLY_START.isHeldByCurrentThread()) {
			EARLY_START.unlock();
		}
	}

	public Http http() {
		return this.http;
	}

	/** The management port: actuator endpoints and health details. */
	public Http management() {
		return this.management;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
