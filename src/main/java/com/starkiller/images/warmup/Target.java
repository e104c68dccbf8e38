package com.starkiller.images.warmup;

import java.util.List;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;

/**
 * A listing the warm-up asks for, reduced to what its URLs need: the warm-up holds thousands of
 * them for its whole run, and a whole listing carries every photo's caption and placeholder.
 */
record Target(long id, int reviewCount, List<String> images) {

	static Target of(Listing listing) {
		return new Target(listing.id(), listing.reviewCount(), listing.photos().stream().map(Photo::image).toList());
	}

	int photoCount() {
		return this.images.size();
	}

}
