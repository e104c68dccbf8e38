package com.starkiller.images.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.Listing;

/** On the first start, with no listing stored, seeds the demo data so every page answers. */
@Component
@Profile("!" + SeedCommand.PROFILE)
class DemoSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

	private final Seeder seeder;

	private final MongoTemplate mongo;

	private final SeedProperties properties;

	DemoSeed(Seeder seeder, MongoTemplate mongo, SeedProperties properties) {
		this.seeder = seeder;
		this.mongo = mongo;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		// A find of one document, not count() or exists() (both count, which scans every listing on
		// the embedded server).
		if (!this.properties.demo() || this.mongo.findOne(new Query(), Listing.class) != null) {
			return;
		}
		int count = this.properties.demoListings();
		log.info("No listing stored: seeding {} demo listings", count);
		this.seeder.seed(count, Seeder.DEFAULT_SEED, (total) -> Progress.inLog(total, log));
	}

}
