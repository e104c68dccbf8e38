package com.starkiller.images.review;

import java.util.stream.IntStream;

import com.mongodb.client.model.Filters;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.starkiller.images.listing.ListingDeleted;

/** A deleted listing's reviews go with it, before the delete answers. */
@Component
class ReviewCleanup {

	private final MongoTemplate mongo;

	ReviewCleanup(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	// Review pages are addressed by id, so deleting them is point deletes on any server.
	@EventListener
	void on(ListingDeleted deleted) {
		long id = deleted.listing().id();
		IntStream.rangeClosed(0, ReviewPage.pageOf(Math.max(1, deleted.listing().reviewCount() + 1)))
			.forEach((page) -> this.mongo.getCollection(ReviewPage.COLLECTION)
				.deleteOne(Filters.eq("_id", ReviewPage.id(id, page))));
	}

}
