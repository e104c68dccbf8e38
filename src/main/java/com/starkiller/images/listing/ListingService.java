package com.starkiller.images.listing;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.web.NotFound;

/**
 * Listings by id, read through the cache. A deleted listing answers 404 like one that never was.
 */
@Service
public class ListingService {

	public static final String CACHE = "listings";

	private final StoredListings stored;

	ListingService(StoredListings stored) {
		this.stored = stored;
	}

	public Listing get(long id) {
		Listing listing = this.stored.find(id);
		if (listing == null || listing.tombstone()) {
			throw new NotFound("There is no listing " + id + ".");
		}
		return listing;
	}

	@Bean
	static RedisCacheManagerBuilderCustomizer listingCache(CacheProperties properties) {
		return (caches) -> caches.withCacheConfiguration(CACHE,
				RedisCaches.json(Listing.class, properties.listingTtl()));
	}

}
