package com.starkiller.images.listing;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * New listing ids from a counter document. The first time, the counter starts after the seeded
 * listings, which form a prefix 0..k-1 found by a binary search of point lookups.
 */
@Component
class ListingIds {

	private static final String COUNTERS = "counters";

	private final MongoTemplate mongo;

	private final ListingRepository listings;

	ListingIds(MongoTemplate mongo, ListingRepository listings) {
		this.mongo = mongo;
		this.listings = listings;
	}

	/**
	 * No id below {@code end} will be handed out from now on (a seed is about to write them);
	 * returns the highest id handed out before, or -1 if none was.
	 */
	long reserveBelow(long end) {
		Document before = this.mongo.getCollection(COUNTERS)
			.findOneAndUpdate(Filters.eq("_id", Listing.COLLECTION), Updates.max("next", end - 1),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
		return (before != null) ? before.get("next", Number.class).longValue() : -1;
	}

	long next() {
		var counters = this.mongo.getCollection(COUNTERS);
		if (counters.find(Filters.eq("_id", Listing.COLLECTION)).first() == null) {
			counters.updateOne(Filters.eq("_id", Listing.COLLECTION),
					Updates.max("next", this.listings.firstAbsentId() - 1), new UpdateOptions().upsert(true));
		}
		Document counter = counters.findOneAndUpdate(Filters.eq("_id", Listing.COLLECTION), Updates.inc("next", 1L),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		return counter.get("next", Number.class).longValue();
	}

}
