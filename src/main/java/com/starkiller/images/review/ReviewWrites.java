package com.starkiller.images.review;

import java.time.Clock;
import java.time.LocalDate;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingWrites;
import com.starkiller.images.listing.Position;

/**
 * Adds a review without losing any under concurrency: the position comes from one atomic
 * increment on the listing, the review is pushed into its page, then the version moves on so
 * no page cached in between is ever served.
 */
@Service
class ReviewWrites {

	private static final int DUPLICATE_KEY = 11000;

	private final ListingWrites listings;

	private final MongoTemplate mongo;

	private final Clock clock = Clock.systemUTC();

	ReviewWrites(ListingWrites listings, MongoTemplate mongo) {
		this.listings = listings;
		this.mongo = mongo;
	}

	Carousel add(long listingId, String author, int rating, String text) {
		Listing reserved = this.listings.reserveReview(listingId, rating);
		int position = reserved.reviewCount();
		Review review = new Review(position, author, LocalDate.now(this.clock), rating, text);
		push(listingId, review);
		Listing listing = this.listings.bumpVersion(listingId);
		return new Carousel(listing, new Position(position, listing.reviewCount()), review);
	}

	private void push(long listingId, Review review) {
		int page = ReviewPage.pageOf(review.position());
		Document document = new Document();
		this.mongo.getConverter().write(review, document);
		document.remove("_class");
		var filter = Filters.eq("_id", ReviewPage.id(listingId, page));
		var update = Updates.combine(Updates.push("reviews", document), Updates.setOnInsert("listing", listingId),
				Updates.setOnInsert("page", page));
		try {
			this.mongo.getCollection(ReviewPage.COLLECTION).updateOne(filter, update, new UpdateOptions().upsert(true));
		}
		catch (MongoWriteException | DuplicateKeyException ex) {
			// Two first reviews of a page raced to create it; the page exists now.
			if (ex instanceof MongoWriteException write && write.getError().getCode() != DUPLICATE_KEY) {
				throw write;
			}
			this.mongo.getCollection(ReviewPage.COLLECTION).updateOne(filter, update);
		}
	}

}
