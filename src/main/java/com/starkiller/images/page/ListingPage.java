package com.starkiller.images.page;

import java.util.List;
import java.util.Locale;

import com.starkiller.images.gallery.Gallery;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.review.Carousel;

/**
 * The listing page's model; {@code lightbox} is null unless a photo is open. {@code structuredData}
 * and the texts below are what search engines and link previews read.
 */
public record ListingPage(Listing listing, Gallery lightbox, Carousel reviews, Share share,
		VacationRental structuredData) {

	/** Up to four photos after the first, beside it in the hero grid. */
	public List<Photo> heroSides() {
		return this.listing.photos().subList(Math.min(1, this.listing.photoCount()), Math.min(5, this.listing.photoCount()));
	}

	/** The hero is fetched first, unless a photo is open over it: that photo is then. */
	public String heroPriority() {
		return (this.lightbox == null) ? "high" : "auto";
	}

	public boolean hasPhotos() {
		return this.listing.photoCount() > 0;
	}

	/** The meta description: where the place is and, once it has reviews, how guests rate it. */
	public String description() {
		String rated = (this.listing.reviewCount() > 0) ? " Rated " + rating() + " out of 5 in "
				+ reviewCount() + "." : "";
		String photos = switch (this.listing.photoCount()) {
			case 0 -> "";
			case 1 -> " its photo and";
			default -> " its " + this.listing.photoCount() + " photos and";
		};
		return this.listing.name() + " in " + this.listing.place() + "." + rated + " See" + photos
				+ " what guests say on Starkiller.";
	}

	/** A link preview's title: the name and, once it has reviews, the rating, as the page shows it. */
	public String socialTitle() {
		return (this.listing.reviewCount() > 0)
				? this.listing.name() + " · ★ " + rating() + " (" + reviewCount() + ")" : this.listing.name();
	}

	/** Height of the hero's {@link Photo#LARGE} variant, the preview image; 0 without photos. */
	public int previewHeight() {
		return hasPhotos() ? this.listing.photo(1).heightAt(Photo.LARGE) : 0;
	}

	public int previewWidth() {
		return Photo.LARGE;
	}

	private String rating() {
		return String.format(Locale.ROOT, "%.2f", this.listing.averageRating());
	}

	private String reviewCount() {
		return this.listing.reviewCount() + ((this.listing.reviewCount() == 1) ? " review" : " reviews");
	}

}
