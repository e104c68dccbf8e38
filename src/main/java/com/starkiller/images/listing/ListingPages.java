package com.starkiller.images.listing;

import org.springframework.stereotype.Service;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.review.ReviewService;

/**
 * Builds the one listing page that {@code /listings/{id}}, {@code /images/{id}} and
 * {@code /reviews/{id}} all render in full, with a photo open or a review shown.
 */
@Service
public class ListingPages {

	public static final String VIEW = "listing/page";

	private final ListingService listings;

	private final ReviewService reviews;

	ListingPages(ListingService listings, ReviewService reviews) {
		this.listings = listings;
		this.reviews = reviews;
	}

	public ListingPage plain(long id) {
		Listing listing = this.listings.get(id);
		return new ListingPage(listing, null, this.reviews.carousel(listing, 1));
	}

	public ListingPage withPhoto(long id, int index) {
		Listing listing = this.listings.get(id);
		return new ListingPage(listing, Gallery.open(listing, index), this.reviews.carousel(listing, 1));
	}

	public ListingPage withReview(long id, int index) {
		Listing listing = this.listings.get(id);
		return new ListingPage(listing, null, this.reviews.carousel(listing, index));
	}

}
