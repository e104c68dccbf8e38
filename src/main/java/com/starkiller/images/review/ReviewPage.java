package com.starkiller.images.review;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.starkiller.images.listing.Review;

/**
 * Reviews are stored {@value #SIZE} to a document (the bucket pattern): review K of a listing is
 * one primary-key lookup of page {@code (K-1)/SIZE}, and seeding writes about 1.5 documents per
 * listing instead of 20. The {@code _id} is the string {@code "listing:page"} rather than a
 * compound document: the embedded server's H2 store compares document keys by serializing them,
 * which made inserts and lookups about twice as slow there; on MongoDB both are one index lookup.
 */
@Document(ReviewPage.COLLECTION)
public record ReviewPage(@Id String id, long listing, int page, List<Review> reviews) {

	public static final String COLLECTION = "reviews";

	public static final int SIZE = 20;

	public ReviewPage {
		reviews = (reviews != null) ? List.copyOf(reviews) : List.of();
	}

	public static ReviewPage of(long listing, int page, List<Review> reviews) {
		return new ReviewPage(id(listing, page), listing, page, reviews);
	}

	public static String id(long listing, int page) {
		return listing + ":" + page;
	}

	/** Page number holding the review at a 1-based position. */
	public static int pageOf(int position) {
		return (position - 1) / SIZE;
	}

	/** The review at a 1-based position, if this page holds it (concurrent adds may store it out of order). */
	public Review review(int position) {
		int offset = position - 1 - this.page * SIZE;
		if (offset >= 0 && offset < this.reviews.size() && this.reviews.get(offset).position() == position) {
			return this.reviews.get(offset);
		}
		return this.reviews.stream().filter((review) -> review.position() == position).findFirst().orElse(null);
	}

}
