package com.starkiller.images.listing;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

import com.starkiller.images.cache.CacheSource;

/**
 * Listing documents by id, as MongoDB holds them (tombstones of deleted listings included), read
 * through the cache under the id alone: that one key is what a write replaces.
 */
@Component
class StoredListings implements CacheSource {

	private final ListingRepository listings;

	StoredListings(ListingRepository listings) {
		this.listings = listings;
	}

	/**
	 * The listing, its tombstone, or, for an id that never had one, a marker of its absence (kept
	 * briefly, and replaced by the listing's first write), so unknown ids reach MongoDB once.
	 */
	// The default key of a single argument is the argument itself: the id, without a SpEL evaluation.
	@Cacheable(cacheNames = ListingService.CACHE, sync = true)
	public Listing find(long id) {
		return this.listings.findById(id).orElseGet(() -> Listing.absent(id));
	}

	@Override
	public String cacheName() {
		return ListingService.CACHE;
	}

	@Override
	public Object current(Object key) {
		return this.listings.findById(Long.valueOf(key.toString())).orElse(null);
	}

}
