package com.starkiller.images.listing;

import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import com.starkiller.images.web.ListingVersions;
import com.starkiller.images.web.NotFound;

/** The version a kept page is keyed by, read through the listing cache (near copy when hot). */
@Component
class CurrentVersions implements ListingVersions {

	private final ListingService listings;

	CurrentVersions(ListingService listings) {
		this.listings = listings;
	}

	@Override
	public OptionalLong current(long listing) {
		try {
			return OptionalLong.of(this.listings.get(listing).version());
		}
		catch (NotFound missing) {
			return OptionalLong.empty();
		}
	}

}
