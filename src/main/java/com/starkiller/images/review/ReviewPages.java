package com.starkiller.images.review;

import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.cache.RedisCaches;
import com.starkiller.images.listing.Listing;

/**
 * Pages of reviews, cached under the listing's version: a write that bumps the version makes
 * every cached page of the listing unreachable on every instance at once, with no Redis scan.
 */
@Service
class ReviewPages {

	static final String CACHE = "review-pages";

	private final ReviewRepository reviews;

	ReviewPages(ReviewRepository reviews) {
		this.reviews = reviews;
	}

	@Cacheable(cacheNames = CACHE, key = "#listing.id() + ':' + #listing.version() + ':' + #page", sync = true)
	public ReviewPage find(Listing listing, int page) {
		return this.reviews.findById(ReviewPage.id(listing.id(), page))
			.orElseGet(() -> ReviewPage.of(listing.id(), page, null));
	}

	@Bean
	static RedisCacheManagerBuilderCustomizer reviewPageCache(CacheProperties properties) {
		return (caches) -> caches.withCacheConfiguration(CACHE,
				RedisCaches.json(ReviewPage.class, properties.reviewTtl()));
	}

}
