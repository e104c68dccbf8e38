package com.starkiller.images.listing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.cache.CacheWrites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An If-Match naming several versions, while another write moves the listing from one it does not
 * name to one it does. Found by review: the update missed, the read after it matched, and the write
 * answered 500 (a null where the written listing was expected).
 */
class IfMatchRaceTest extends IntegrationTest {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private CacheWrites caches;

	@Autowired
	private ListingWrites writes;

	@Test
	void aVersionThatMovesToOneTheClientNamedIsWrittenOver() {
		Listing listing = this.writes.create("Raced", new Location("Lofoten", "Norway"));
		long id = listing.id();
		long seen = listing.version();
		AtomicBoolean raced = new AtomicBoolean();
		// Between the update's miss and the read after it, another writer moves the version on.
		MongoTemplate racing = new MongoTemplate(this.mongo.getMongoDatabaseFactory(), this.mongo.getConverter()) {
			@Override
			public <T> T findAndModify(Query query, UpdateDefinition update, FindAndModifyOptions options,
					Class<T> entityClass) {
				T updated = super.findAndModify(query, update, options, entityClass);
				if (updated == null && raced.compareAndSet(false, true)) {
					IfMatchRaceTest.this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
							new Update().inc("version", 1), Listing.class);
				}
				return updated;
			}
		};
		IfMatch ifMatch = IfMatch.parse("\"" + (seen - 1) + "\", \"" + (seen + 1) + "\"");

		Listing renamed = new ListingUpdates(racing, this.caches).apply(id, ifMatch,
				new Update().set("name", "Raced and renamed").inc("version", 1));

		assertThat(raced).as("the other write came between").isTrue();
		assertThat(renamed).isNotNull();
		assertThat(renamed.name()).isEqualTo("Raced and renamed");
		assertThat(renamed.version()).isEqualTo(seen + 2);
	}

}
