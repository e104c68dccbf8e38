package com.starkiller.images.review;

import org.springframework.stereotype.Service;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Position;
import com.starkiller.images.listing.Review;
import com.starkiller.images.web.NotFound;

/** Review K of a listing, as the carousel shows it. */
@Service
public class ReviewService {

	private final ReviewPages pages;

	ReviewService(ReviewPages pages) {
		this.pages = pages;
	}

	public Carousel carousel(Listing listing, int index) {
		if (listing.reviewCount() == 0 && index == 1) {
			return new Carousel(listing, null, null);
		}
		Position position = Position.of(index, listing.reviewCount(), "reviews");
		Review review = this.pages.find(listing, ReviewPage.pageOf(index)).review(index);
		if (review == null) {
			// Counted but not filed into its page yet.
			review = listing.pendingReview(index);
		}
		if (review == null) {
			throw new NotFound("Review " + index + " of listing " + listing.id() + " is missing.");
		}
		return new Carousel(listing, position, review);
	}

}
