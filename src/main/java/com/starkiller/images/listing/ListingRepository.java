package com.starkiller.images.listing;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ListingRepository extends MongoRepository<Listing, Long> {

	/**
	 * The first id k such that listings 0..k-1 are present and k is not. Seeded listings form such
	 * a prefix, so this finds it with O(log k) point lookups: no count, no sort, which scan every
	 * listing on the embedded server.
	 */
	default long firstAbsentId() {
		if (!existsById(0L)) {
			return 0;
		}
		long present = 0;
		long absent = 1;
		while (existsById(absent)) {
			present = absent;
			absent *= 2;
		}
		while (absent - present > 1) {
			long middle = (present + absent) >>> 1;
			if (existsById(middle)) {
				present = middle;
			}
			else {
				absent = middle;
			}
		}
		return absent;
	}

}
