package com.starkiller.images;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the queries MongoDB receives for what pages show (listings, reviews, image bytes), so
 * tests can prove a cache hit ran none; background work (the sweep of pending evictions) is not
 * counted. It also counts, per collection, the commands that count or aggregate: the embedded
 * server answers those by reading every document, so a path that must stay fast on a large
 * collection issues none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MongoCommands implements CommandListener {

	private static final Set<String> CONTENT = Set.of("listings", "reviews", "fs.files", "fs.chunks");

	/** Spring Boot's name for the threads of its task scheduler ({@code spring.task.scheduling}). */
	private static final String SCHEDULER_THREADS = "scheduling-";

	private final AtomicInteger finds = new AtomicInteger();

	private final Map<String, AtomicInteger> scans = new ConcurrentHashMap<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String command = event.getCommandName();
		BsonValue target = event.getCommand().get(command);
		if (target == null || !target.isString()) {
			return;
		}
		String collection = target.asString().getValue();
		// The sweep's own reads (a pending key's refresh reads listings and image files) run on
		// the scheduler's threads, and the driver reports a command on the thread that sent it.
		boolean background = Thread.currentThread().getName().startsWith(SCHEDULER_THREADS);
		if ((command.equals("find") || command.equals("aggregate")) && CONTENT.contains(collection) && !background) {
			this.finds.incrementAndGet();
		}
		if (command.equals("aggregate") || command.equals("count")) {
			this.scans.computeIfAbsent(collection, (name) -> new AtomicInteger()).incrementAndGet();
		}
	}

	public int queries() {
		return this.finds.get();
	}

	/** The count and aggregate commands {@code collection} has received. */
	public int countsAndAggregations(String collection) {
		AtomicInteger scans = this.scans.get(collection);
		return (scans != null) ? scans.get() : 0;
	}

	@Bean
	MongoClientSettingsBuilderCustomizer countCommands() {
		return (settings) -> settings.addCommandListener(this);
	}

}
