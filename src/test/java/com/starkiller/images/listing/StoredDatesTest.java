package com.starkiller.images.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review's day is the same day for instances in any time zone. Found by review: stored through
 * the writing JVM's zone, a day written east of UTC was read a day early by a UTC instance.
 */
class StoredDatesTest extends IntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Test
	void aReviewsDayIsStoredAsItsMidnightInUtcWhateverTheWritersZone() {
		Review review = new Review(1, "Ana", LocalDate.of(2017, 1, 1), 5, "Lovely");
		String collection = "stored_dates_" + System.nanoTime();
		TimeZone zone = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
			this.mongo.insert(new Document("_id", 1).append("review", this.mongo.getConverter().convertToMongoType(review)),
					collection);
		}
		finally {
			TimeZone.setDefault(zone);
		}

		Document stored = this.mongo.getCollection(collection).find().first();
		assertThat(stored.get("review", Document.class).get("date")).isEqualTo(Date.from(Instant.parse("2017-01-01T00:00:00Z")));
		assertThat(this.mongo.getConverter().read(Review.class, stored.get("review", Document.class)).date())
			.isEqualTo(LocalDate.of(2017, 1, 1));
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("America/Adak"));
			assertThat(this.mongo.getConverter().read(Review.class, stored.get("review", Document.class)).date())
				.as("read in UTC-10").isEqualTo(LocalDate.of(2017, 1, 1));
		}
		finally {
			TimeZone.setDefault(zone);
		}
		this.mongo.dropCollection(collection);
	}

}
