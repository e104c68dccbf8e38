package com.starkiller.images;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole app instance in this JVM, on a free port, against {@link TestServers}: tests that need
 * two instances sharing one MongoDB and one Redis start two of these.
 */
public final class AppInstance implements AutoCloseable {

	public static final String TOKEN = "instance-test-token";

	public static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	private final ConfigurableApplicationContext context;

	private final Http http;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
		this.http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	public static AppInstance start(String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.uri=" + TestServers.mongoUri(),
				"--spring.data.redis.url=" + TestServers.redisUrl(), "--starkiller.api.token=" + TOKEN,
				"--starkiller.seed.demo=true", "--starkiller.seed.demo-listings=300", "--starkiller.seed.image-pool=6",
				"--starkiller.seed.batch-size=20", "--starkiller.cache.pending-sweep=1s"));
		args.addAll(List.of(settings));
		return new AppInstance(
				new SpringApplicationBuilder(StarkillerImagesApplication.class).run(args.toArray(String[]::new)));
	}

	public Http http() {
		return this.http;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
