package com.starkiller.images;

import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the queries MongoDB receives from the app, so tests can prove a cache hit ran none. */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands implements CommandListener {

	private final AtomicInteger finds = new AtomicInteger();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if ("find".equals(event.getCommandName()) || "aggregate".equals(event.getCommandName())) {
			this.finds.incrementAndGet();
		}
	}

	public int queries() {
		return this.finds.get();
	}

	@Bean
	MongoClientSettingsBuilderCustomizer countCommands() {
		return (settings) -> settings.addCommandListener(this);
	}

}
