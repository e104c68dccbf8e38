package com.starkiller.images.operations;

import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import com.starkiller.images.TestServers;

/**
 * A listing written straight into the test MongoDB under an id no other test reads, so neither
 * Redis (which every test instance shares) nor any kept page holds it: reading it needs MongoDB.
 */
final class UnreadListing {

	private UnreadListing() {
	}

	static void store(long id, String city) {
		store("starkiller", id, city);
	}

	/** As {@link #store(long, String)}, in a database other than the suite's. */
	static void store(String database, long id, String city) {
		try (MongoClient client = MongoClients.create(TestServers.mongoUri())) {
			client.getDatabase(database)
				.getCollection("listings")
				.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("name", "Never read")
					.append("location", new Document("city", city).append("country", "Norway"))
					.append("photos", List.of())
					.append("reviewCount", 0)
					.append("ratingTotal", 0L)
					.append("version", 1L), new ReplaceOptions().upsert(true));
		}
	}

}
