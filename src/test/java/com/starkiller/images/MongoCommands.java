package com.starkiller.images;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the queries MongoDB receives for what pages show (listings, reviews, image bytes), so
 * tests can prove a cache hit ran none; background work (the sweep of pending evictions) is not
 * counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands implements CommandListener {

	private static final Set<String> CONTENT = Set.of("listings", "reviews", "fs.files", "fs.chunks");

	private final AtomicInteger finds = new AtomicInteger();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String command = event.getCommandName();
		if ((command.equals("find") || command.equals("aggregate"))
				&& CONTENT.contains(event.getCommand().get(command).asString().getValue())) {
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
