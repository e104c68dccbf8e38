package com.starkiller.images.page;

import java.util.List;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.review.Carousel;

/**
 * The listing page's model; {@code lightbox} is null unless a photo is open. {@code structuredData}
 * is what search engines read; the description and link previews' texts are messages
 * ({@code listing.description}, {@code listing.social-title}).
 */
public record ListingPage(Listing listing, Gallery lightbox, Carousel reviews, Share share,
		VacationRental structuredData) {

	/** Up to four photos after the first, beside it in the hero grid. */
	public List<Photo> heroSides() {
		return this.listing.photos().subList(Math.min(1, this.listing.photoCount()), Math.min(5, this.listing.photoCount()));
	}

	/** The hero is fetched first, unless a photo is open over it and hides it: that photo is then. */
	public String heroPriority() {
		return (this.lightbox == null) ? "high" : "low";
	}

	public boolean hasPhotos() {
		return this.listing.photoCount() > 0;
	}

	/** Height of the hero's {@link Photo#LARGE} variant, the preview image; 0 without photos. */
	public int previewHeight() {
		return hasPhotos() ? this.listing.photo(1).heightAt(Photo.LARGE) : 0;
	}

	public int previewWidth() {
		return Photo.LARGE;
	}

}
