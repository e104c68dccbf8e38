package com.starkiller.images.listing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starkiller.images.cache.Versioned;

/**
 * A listing: its photos in order, and a summary of its reviews. {@code version} changes on every
 * write, and every cache key derived from the listing carries it. {@code pendingReviews} holds
 * reviews already counted but not yet filed into their review page (normally none), so the count,
 * the average and the reviews one can read always agree. A deleted listing stays as a tombstone
 * ({@code deleted}, a newer version), so a read that loaded it before the delete cannot bring it back.
 */
@Document(Listing.COLLECTION)
public record Listing(@Id long id, String name, Location location, List<Photo> photos, int reviewCount,
		long ratingTotal, long version, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Review> pendingReviews,
		@JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted) implements Versioned {

	public static final String COLLECTION = "listings";

	public Listing {
		photos = (photos != null) ? List.copyOf(photos) : List.of();
		pendingReviews = (pendingReviews != null && !pendingReviews.isEmpty()) ? List.copyOf(pendingReviews) : null;
	}

	public Listing(long id, String name, Location location, List<Photo> photos, int reviewCount, long ratingTotal,
			long version) {
		this(id, name, location, photos, reviewCount, ratingTotal, version, null, null);
	}

	/** What the cache keeps for an id with no listing: a tombstone at {@link Versioned#ABSENT}. */
	static Listing absent(long id) {
		return new Listing(id, null, null, List.of(), 0, 0, ABSENT, null, true);
	}

	/** Whether this is a deleted listing's tombstone, or the marker of an id that has none. */
	public boolean tombstone() {
		return Boolean.TRUE.equals(this.deleted);
	}

	public int photoCount() {
		return this.photos.size();
	}

	/** Photo at a 1-based index. */
	public Photo photo(int index) {
		return this.photos.get(index - 1);
	}

	/** A review counted but not yet filed into its page, or null. */
	public Review pendingReview(int position) {
		if (this.pendingReviews == null) {
			return null;
		}
		return this.pendingReviews.stream().filter((review) -> review.position() == position).findFirst().orElse(null);
	}

	/** Kept as a total beside the count, so adding a review updates both atomically. */
	public double averageRating() {
		return (this.reviewCount == 0) ? 0 : (double) this.ratingTotal / this.reviewCount;
	}

	public String place() {
		return this.location.city() + ", " + this.location.country();
	}

}
