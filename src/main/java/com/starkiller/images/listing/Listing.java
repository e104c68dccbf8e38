package com.starkiller.images.listing;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A listing: its photos in order, and a summary of its reviews. {@code version} changes on every
 * write, and every cache key derived from the listing carries it.
 */
@Document(Listing.COLLECTION)
public record Listing(@Id long id, String name, Location location, List<Photo> photos, int reviewCount,
		long ratingTotal, long version) {

	public static final String COLLECTION = "listings";

	public Listing {
		photos = (photos != null) ? List.copyOf(photos) : List.of();
	}

	public int photoCount() {
		return this.photos.size();
	}

	/** Photo at a 1-based index. */
	public Photo photo(int index) {
		return this.photos.get(index - 1);
	}

	/** Kept as a total beside the count, so adding a review updates both atomically. */
	public double averageRating() {
		return (this.reviewCount == 0) ? 0 : (double) this.ratingTotal / this.reviewCount;
	}

	public String place() {
		return this.location.city() + ", " + this.location.country();
	}

}
