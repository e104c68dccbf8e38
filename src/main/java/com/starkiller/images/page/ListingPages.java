package com.starkiller.images.page;

import org.springframework.stereotype.Service;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingService;
import com.starkiller.images.review.Carousel;
import com.starkiller.images.review.ReviewService;
import com.starkiller.images.web.PublicUrl;

/**
 * Builds the one listing page that {@code /listings/{id}}, {@code /images/{id}} and
 * {@code /reviews/{id}} all render in full, with a photo open or a review shown.
 */
@Service
public class ListingPages {

	static final String VIEW = "listing/page";

	private final ListingService listings;

	private final ReviewService reviews;

	private final EmbedScript loader;

	private final PublicUrl publicUrl;

	ListingPages(ListingService listings, ReviewService reviews, EmbedScript loader, PublicUrl publicUrl) {
		this.listings = listings;
		this.reviews = reviews;
		this.loader = loader;
		this.publicUrl = publicUrl;
	}

	public ListingPage plain(long id) {
		Listing listing = this.listings.get(id);
		return page(listing, null, this.reviews.carousel(listing, 1));
	}

	ListingPage withPhoto(long id, int index) {
		Listing listing = this.listings.get(id);
		return page(listing, Gallery.open(listing, index), this.reviews.carousel(listing, 1));
	}

	ListingPage withReview(long id, int index) {
		Listing listing = this.listings.get(id);
		return page(listing, null, this.reviews.carousel(listing, index));
	}

	private ListingPage page(Listing listing, Gallery lightbox, Carousel reviews) {
		String base = this.publicUrl.base();
		return new ListingPage(listing, lightbox, reviews, Share.of(listing, base, this.loader.path()),
				VacationRental.of(listing, base));
	}

}
