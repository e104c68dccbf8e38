package com.starkiller.images.listing;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README, conditional writes: a write without If-Match that rewrites the photos applies only to the
 * version it read, is retried when another write moved the version meanwhile, and when it keeps
 * losing that race is answered 409 with problem details, having changed nothing. The app's own
 * MongoTemplate lets another writer rename the listing between each read and the update that
 * follows it, so every try loses.
 */
class KeptChangingTest extends IntegrationTest {

	private static final String[] AUTH = { "Authorization", "Bearer " + TOKEN };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	RacingTemplate mongo;

	@Test
	void aPhotoRewriteThatKeepsLosingTheRaceIs409AndChangesNothing() {
		long id = JSON.readTree(this.http.json("POST", "/api/listings",
				"{\"name\":\"Contested\",\"location\":{\"city\":\"Bodø\",\"country\":\"Norway\"}}", AUTH).body())
			.path("id")
			.asLong();
		for (String photo : new String[] { "{\"image\":\"demo-001\",\"caption\":\"First\"}",
				"{\"image\":\"demo-002\",\"caption\":\"Second\"}" }) {
			assertThat(this.http.json("POST", "/api/listings/" + id + "/photos", photo, AUTH).statusCode()).isEqualTo(201);
		}
		Listing before = stored(id);

		String[][] writes = { { "PUT", "/api/listings/" + id + "/photos/order", "{\"order\":[2,1]}" },
				{ "DELETE", "/api/listings/" + id + "/photos/1", null },
				{ "PUT", "/api/listings/" + id + "/photos/2", "{\"image\":\"demo-003\",\"caption\":\"Third\"}" } };
		int racesBefore = 0;
		for (String[] write : writes) {
			this.mongo.race(id);
			HttpResponse<String> answer;
			try {
				answer = this.http.json(write[0], write[1], write[2], AUTH);
			}
			finally {
				this.mongo.race(-1);
			}

			assertThat(answer.statusCode()).as(write[1] + ": " + answer.body()).isEqualTo(409);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(JSON.readTree(answer.body()).path("status").asInt()).isEqualTo(409);
			// Retried: it lost the race more than once before giving up.
			assertThat(this.mongo.races() - racesBefore).as(write[1]).isGreaterThan(1);
			racesBefore = this.mongo.races();
		}

		// Only the other writer's renames are stored: the photos are as they were.
		Listing after = stored(id);
		assertThat(after.photos()).isEqualTo(before.photos());
		assertThat(after.name()).isEqualTo("Renamed by the other writer, " + this.mongo.races());
		assertThat(after.version()).isEqualTo(before.version() + this.mongo.races());
		assertThat(after.reviewCount()).isEqualTo(before.reviewCount());
		JsonNode photos = JSON.readTree(this.http.json("GET", "/api/listings/" + id, null).body()).path("photos");
		assertThat(photos).extracting((photo) -> photo.path("caption").asString()).containsExactly("First", "Second");
	}

	private Listing stored(long id) {
		return this.mongo.findById(id, Listing.class);
	}

	/**
	 * The app's MongoTemplate: while a listing is raced, each update of it that is conditioned on
	 * its version is preceded by another writer's rename, which moves the version on.
	 */
	static class RacingTemplate extends MongoTemplate {

		private final AtomicLong raced = new AtomicLong(-1);

		private final AtomicInteger races = new AtomicInteger();

		RacingTemplate(MongoDatabaseFactory databases, MongoConverter converter) {
			super(databases, converter);
		}

		void race(long id) {
			this.raced.set(id);
		}

		int races() {
			return this.races.get();
		}

		@Override
		public <T> T findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
				Class<T> entityClass) {
			Object id = query.getQueryObject().get("_id");
			if (entityClass == Listing.class && id instanceof Long listing && listing == this.raced.get()
					&& query.getQueryObject().containsKey("version")) {
				updateFirst(Query.query(Criteria.where("_id").is(listing)),
						new Update().set("name", "Renamed by the other writer, " + this.races.incrementAndGet())
							.inc("version", 1),
						Listing.class);
			}
			return super.findAndModify(query, update, options, entityClass);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Racing {

		@Bean
		RacingTemplate mongoTemplate(MongoDatabaseFactory databases, MongoConverter converter) {
			return new RacingTemplate(databases, converter);
		}

	}

}
