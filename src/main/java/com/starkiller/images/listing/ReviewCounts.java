package com.starkiller.images.listing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The listing's side of adding a review. One atomic update counts the review, adds its rating to
 * the total and keeps the review itself in the listing's {@code pendingReviews}, at the next
 * position; so whatever fails afterwards, the count, the average and the reviews one can read
 * agree. The review module then files pending reviews into their pages and calls {@link #filed}.
 */
@Service
public class ReviewCounts {

	private static final int ATTEMPTS = 32;

	private final ListingUpdates updates;

	ReviewCounts(ListingUpdates updates) {
		this.updates = updates;
	}

	/**
	 * Counts a review at the next position; returns the listing after it, whose pending reviews
	 * include it. Only a concurrent review of the same listing makes it read again and retry.
	 */
	public Listing count(long id, IfMatch ifMatch, Review draft) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Listing current = this.updates.current(id);
			if (!ifMatch.matches(current.version())) {
				throw ifMatch.failed(current);
			}
			int position = current.reviewCount() + 1;
			Review review = new Review(position, draft.author(), draft.date(), draft.rating(), draft.text());
			Update counting = new Update().inc("reviewCount", 1)
				.inc("ratingTotal", review.rating())
				.push("pendingReviews", review)
				.inc("version", 1);
			Listing counted = this.updates.apply(id, ifMatch, "reviewCount", current.reviewCount(), counting);
			if (counted != null) {
				return this.updates.refreshed(counted);
			}
			// Another review took that position: back off a little so the retries spread out.
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 2_000_000L * (attempt + 1)));
		}
		throw new ResponseStatusException(HttpStatus.CONFLICT, "Listing " + id + " kept changing; try again.");
	}

	/** The reviews at these positions are in their pages now: no longer pending, and a new version. */
	public Listing filed(long id, List<Integer> positions) {
		Update update = new Update().pull("pendingReviews", new Document("position",
				new Document("$in", positions)))
			.inc("version", 1);
		return this.updates.refreshed(this.updates.apply(id, IfMatch.ANY, update));
	}

}
