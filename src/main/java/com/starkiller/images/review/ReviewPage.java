package com.starkiller.images.review;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Reviews are stored {@value #SIZE} to a document, keyed by {@code {listing, page}}: review K of a
 * listing is one primary-key lookup of page {@code (K-1)/SIZE}, and seeding 10 million listings
 * writes about 1.5 documents per listing instead of 20 (the bucket pattern).
 */
@Document(ReviewPage.COLLECTION)
public record ReviewPage(@Id Key id, List<Review> reviews) {

	public static final String COLLECTION = "reviews";

	public static final int SIZE = 20;

	public ReviewPage {
		reviews = (reviews != null) ? List.copyOf(reviews) : List.of();
	}

	/** Page number holding the review at a 1-based position. */
	public static int pageOf(int position) {
		return (position - 1) / SIZE;
	}

	/** The review at a 1-based position, if this page holds it. */
	public Review review(int position) {
		int offset = position - 1 - this.id.page() * SIZE;
		return (offset >= 0 && offset < this.reviews.size()) ? this.reviews.get(offset) : null;
	}

	/** The compound {@code _id}; field order matters to MongoDB, so it is fixed here. */
	public record Key(long listing, int page) {
	}

}
