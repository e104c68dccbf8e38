package com.starkiller.images.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.starkiller.images.listing.IfMatch;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Position;
import com.starkiller.images.listing.Review;
import com.starkiller.images.listing.ReviewCounts;

/**
 * Adds a review without losing any, under concurrency and failures: one atomic update of the
 * listing counts it and keeps it there as pending (readable at once), then every pending review
 * of the listing is filed into its page (idempotently) and no longer pending. A writer that dies
 * in between leaves a pending review that reads still find and the next review of the listing files.
 */
@Service
class ReviewWrites {

	private static final Logger log = LoggerFactory.getLogger(ReviewWrites.class);

	private final ReviewCounts counts;

	private final MongoTemplate mongo;

	private final Clock clock = Clock.systemUTC();

	ReviewWrites(ReviewCounts counts, MongoTemplate mongo) {
		this.counts = counts;
		this.mongo = mongo;
	}

	Carousel add(long listingId, IfMatch ifMatch, String author, int rating, String text) {
		Listing counted = this.counts.count(listingId, ifMatch,
				new Review(0, author, LocalDate.now(this.clock), rating, text));
		int position = counted.reviewCount();
		Review review = counted.pendingReview(position);
		Listing listing = counted;
		try {
			listing = file(counted);
		}
		catch (RuntimeException ex) {
			// Counted and readable already: if filing it was not stored, the next review files it.
			log.warn("Review {} of listing {} may stay pending: {}", position, listingId, ex.toString());
			// Filing may have been stored all the same (only the caches not told): the answer's ETag is
			// the version stored now, so the client's next If-Match is not refused for nothing.
			listing = storedOr(listingId, counted);
		}
		return new Carousel(listing, new Position(position, listing.reviewCount()), review);
	}

	private Listing storedOr(long listingId, Listing counted) {
		try {
			Listing stored = this.mongo.findById(listingId, Listing.class);
			return (stored != null && stored.version() > counted.version()) ? stored : counted;
		}
		catch (RuntimeException ex) {
			return counted;
		}
	}

	/** Files every pending review of the listing into its page; the listing afterwards. */
	private Listing file(Listing listing) {
		List<Integer> positions = new ArrayList<>();
		if (listing.pendingReviews() == null) {
			return listing;
		}
		for (Review pending : listing.pendingReviews()) {
			push(listing.id(), pending);
			positions.add(pending.position());
		}
		return this.counts.filed(listing.id(), positions);
	}

	/** Adds the review to its page unless the page has it already. */
	private void push(long listingId, Review review) {
		int page = ReviewPage.pageOf(review.position());
		Document document = new Document();
		this.mongo.getConverter().write(review, document);
		document.remove("_class");
		Bson missing = Filters.and(Filters.eq("_id", ReviewPage.id(listingId, page)),
				Filters.ne("reviews.position", review.position()));
		Bson update = Updates.combine(Updates.push("reviews", document), Updates.setOnInsert("listing", listingId),
				Updates.setOnInsert("page", page));
		// findAndModify rather than update: the embedded server answers it by the _id index.
		try {
			this.mongo.getCollection(ReviewPage.COLLECTION)
				.findOneAndUpdate(missing, update, new FindOneAndUpdateOptions().upsert(true));
		}
		catch (MongoCommandException ex) {
			// The page exists (created meanwhile, or holding this review already): add it if missing.
			if (ErrorCategory.fromErrorCode(ex.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			this.mongo.getCollection(ReviewPage.COLLECTION).findOneAndUpdate(missing, update);
		}
	}

}
