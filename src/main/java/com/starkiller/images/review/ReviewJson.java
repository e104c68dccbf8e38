package com.starkiller.images.review;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.starkiller.images.listing.Review;

/** A review and where it stands, for clients asking {@code /reviews/{id}} for JSON. */
record ReviewJson(@JsonProperty("location_id") long locationId, int index, int count, Review review) {

	static ReviewJson of(Carousel carousel) {
		int index = carousel.isEmpty() ? 0 : carousel.position().index();
		return new ReviewJson(carousel.listing().id(), index, carousel.listing().reviewCount(), carousel.review());
	}

}
