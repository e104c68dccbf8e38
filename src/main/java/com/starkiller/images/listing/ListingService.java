package com.starkiller.images.listing;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.web.NotFound;

/**
 * Listings by id, cached in Redis under their id alone: that one key is what a write replaces, and
 * every other cached entry of the listing is keyed by its version.
 */
@Service
public class ListingService {

	public static final String CACHE = "listings";

	private final ListingRepository listings;

	ListingService(ListingRepository listings) {
		this.listings = listings;
	}

	// The default key of a single argument is the argument itself: the id, without a SpEL evaluation.
	@Cacheable(cacheNames = CACHE, sync = true)
	public Listing get(long id) {
		return this.listings.findById(id).orElseThrow(() -> new NotFound("There is no listing " + id + "."));
	}

	@Bean
	static RedisCacheManagerBuilderCustomizer listingCache(CacheProperties properties) {
		return (caches) -> caches.withCacheConfiguration(CACHE,
				RedisCaches.json(Listing.class, properties.listingTtl()));
	}

}
