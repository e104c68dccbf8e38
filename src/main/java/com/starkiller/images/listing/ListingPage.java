package com.starkiller.images.listing;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.review.Carousel;

/** The listing page's model; {@code lightbox} is null unless a photo is open. */
public record ListingPage(Listing listing, Gallery lightbox, Carousel reviews) {

	public boolean hasPhotos() {
		return this.listing.photoCount() > 0;
	}

}
