package com.starkiller.images.listing;

import java.util.function.BooleanSupplier;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ListingRepository extends MongoRepository<Listing, Long> {

	/**
	 * The first id k such that listings 0..k-1 are present and k is not. Seeded listings form such
	 * a prefix, so this finds it with O(log k) point lookups: no count, no sort, which scan every
	 * listing on the embedded server.
	 */
	default long firstAbsentId() {
		return firstAbsentId(() -> false);
	}

	/**
	 * As {@link #firstAbsentId()}, but once {@code stop} says so, no further lookup is made and the
	 * id after the highest found present is answered (0 if none was): an end the prefix reaches at
	 * least, though perhaps not the first absent id.
	 */
	default long firstAbsentId(BooleanSupplier stop) {
		if (stop.getAsBoolean() || !stored(0L)) {
			return 0;
		}
		long present = 0;
		long absent = 1;
		while (!stop.getAsBoolean() && stored(absent)) {
			present = absent;
			absent *= 2;
		}
		while (absent - present > 1) {
			if (stop.getAsBoolean()) {
				return present + 1;
			}
			long middle = (present + absent) >>> 1;
			if (stored(middle)) {
				present = middle;
			}
			else {
				absent = middle;
			}
		}
		return absent;
	}

	/**
	 * Whether a document (a listing or its tombstone) has this id. Not {@code existsById}: Spring Data
	 * counts for that, an aggregation, which the embedded server answers by reading every listing.
	 */
	default boolean stored(long id) {
		return findById(id).isPresent();
	}

}
