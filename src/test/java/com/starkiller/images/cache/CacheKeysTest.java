package com.starkiller.images.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a read leaves in Redis: entries keyed by the listing's version. Listing 96 is written by no
 * test: with listing 22, RedisClusterTest's instances (a Redis of their own, the same MongoDB)
 * moved it to version 2 after the warm-up test had left version 1 in this Redis.
 */
class CacheKeysTest extends IntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ListingRepository listings;

	@Test
	void keysCarryTheListingVersion() {
		Listing listing = this.listings.findById(96L).orElseThrow();
		// The extra parameter keeps the page from being kept, so every try reads through the caches.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(this.http.get("/reviews/96?index=1&uncached").statusCode()).isEqualTo(200);
			assertThat(this.redis.hasKey("starkiller:listings::96")).as("the listing's entry, keys %s",
					this.redis.keys("starkiller:listings::2*")).isTrue();
			assertThat(this.redis.hasKey("starkiller:review-pages::96:" + listing.version() + ":0"))
				.as("the review page's entry at version %d, keys %s", listing.version(),
						this.redis.keys("starkiller:review-pages::96:*"))
				.isEqualTo(listing.reviewCount() > 0);
		});
		assertThat(this.redis.getExpire("starkiller:listings::96")).isPositive();
	}

}
