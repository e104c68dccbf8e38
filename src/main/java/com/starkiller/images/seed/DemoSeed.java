package com.starkiller.images.seed;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.starkiller.images.embedded.Servers;
import com.starkiller.images.web.Unavailable;

/**
 * Seeds the demo data so every page answers, on the embedded defaults (against a configured
 * MongoDB only if {@code starkiller.seed.demo} asks for it). A document in {@value #COLLECTION}
 * says when the demo is complete; until then every start resumes the seed, wherever the last one
 * stopped, so a start interrupted by Ctrl-C or kill -9 leaves no half demo behind. It runs before
 * the app reports ready, so readiness stays DOWN until the demo is complete.
 */
@Component
@Profile("!" + SeedCommand.PROFILE)
// The first application runner: later ones (the warm-up) read the demo data.
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoSeed implements SmartInitializingSingleton, ApplicationRunner {

	static final String COLLECTION = "demo_seed";

	private static final String DEMO = "demo";

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	private final Seeder seeder;

	private final MongoTemplate mongo;

	private final SeedProperties properties;

	private final Environment environment;

	// The highest id the API had handed out when the demo's ids were reserved; null: not reserved.
	private Long taken;

	DemoSeed(Seeder seeder, MongoTemplate mongo, SeedProperties properties, Environment environment) {
		this.seeder = seeder;
		this.mongo = mongo;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Before the web server takes its first request: the demo's ids are reserved, so a listing
	 * created through the API while the demo is written takes an id after them.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (wanted() && !patiently(() -> complete(this.properties.demoListings()))) {
			this.taken = patiently(() -> this.seeder.reserve(this.properties.demoListings()));
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		int count = this.properties.demoListings();
		if (!wanted() || patiently(() -> complete(count))) {
			return;
		}
		long reserved = (this.taken != null) ? this.taken : patiently(() -> this.seeder.reserve(count));
		log.info("Seeding {} demo listings (resuming where an earlier start stopped, if one did)", count);
		patiently(() -> this.seeder.seed(count, Seeder.DEFAULT_SEED, (total) -> Progress.inLog(total, log), reserved));
		patiently(() -> status().updateOne(Filters.eq("_id", DEMO),
				Updates.combine(Updates.set("complete", true), Updates.max("listings", count)),
				new UpdateOptions().upsert(true)));
	}

	private boolean wanted() {
		return (this.properties.demo() != null) ? this.properties.demo() : !Servers.externalMongo(this.environment);
	}

	/**
	 * A MongoDB that is restarting or slow does not stop the start: the step is tried again (every
	 * step here can be repeated) for up to {@link #PATIENCE}, while readiness says DOWN.
	 */
	private <T> T patiently(Supplier<T> step) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			try {
				return step.get();
			}
			catch (RuntimeException ex) {
				if (!Unavailable.databaseOutOfReach(ex) || System.nanoTime() - deadline > 0) {
					throw ex;
				}
				log.warn("MongoDB does not answer yet, trying again: {}", ex.toString());
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			}
		}
	}

	private boolean complete(int count) {
		Document status = status().find(Filters.eq("_id", DEMO)).first();
		return status != null && status.getBoolean("complete", false)
				&& status.get("listings", Number.class).intValue() >= count;
	}

	private MongoCollection<Document> status() {
		return this.mongo.getCollection(COLLECTION);
	}

}
