package com.starkiller.images.page;

import java.util.List;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.review.Carousel;

/** The listing page's model; {@code lightbox} is null unless a photo is open. */
public record ListingPage(Listing listing, Gallery lightbox, Carousel reviews, Share share) {

	/** Up to four photos after the first, beside it in the hero grid. */
	public List<Photo> heroSides() {
		return this.listing.photos().subList(Math.min(1, this.listing.photoCount()), Math.min(5, this.listing.photoCount()));
	}

	public boolean hasPhotos() {
		return this.listing.photoCount() > 0;
	}

}
