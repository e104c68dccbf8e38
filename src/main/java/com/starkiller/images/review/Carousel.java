package com.starkiller.images.review;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Position;
import com.starkiller.images.listing.Review;

/** The review carousel in one state; {@code review} is null when the listing has no review yet. */
public record Carousel(Listing listing, Position position, Review review) {

	public boolean isEmpty() {
		return this.review == null;
	}

}
