package com.starkiller.images.listing;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import com.starkiller.images.IntegrationTest;

/** Finds seeded listings with the traits a test needs, rather than hard-coding ids. */
public final class Listings {

	private Listings() {
	}

	public static Listing find(ListingRepository listings, Predicate<Listing> trait) {
		return LongStream.range(0, IntegrationTest.LISTINGS)
			.mapToObj((id) -> listings.findById(id).orElseThrow())
			.filter(trait)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No seeded listing has the trait"));
	}

	/** A listing with no photos and no reviews, stored for the test. */
	public static Listing empty(ListingRepository listings, long id) {
		return listings.save(new Listing(id, "Bare room", new Location("Oslo", "Norway"), List.of(), 0, 0, 1));
	}

}
