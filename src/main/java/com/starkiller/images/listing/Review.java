package com.starkiller.images.listing;

import java.time.LocalDate;

/** One review of a listing, at its 1-based position among the listing's reviews. */
public record Review(int position, String author, LocalDate date, int rating, String text) {

	/** The rating drawn as five stars, filled up to the rating. */
	public String glyphs() {
		return "★".repeat(this.rating) + "☆".repeat(5 - this.rating);
	}

}
