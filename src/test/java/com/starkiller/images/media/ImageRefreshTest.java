package com.starkiller.images.media;

import java.time.Duration;
import java.util.Date;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Found by review: the sweep refreshed an image's key in Redis outside the image's lock. Files are
 * not versioned, so a refresh that read the bytes before a delete and wrote them after the
 * delete's tombstone served the deleted image for a day. The refresh now waits for the lock.
 */
@TestPropertySource(properties = "starkiller.cache.pending-sweep=300ms")
class ImageRefreshTest extends IntegrationTest {

	private static final String IMAGE = "demo-004";

	private static final String KEY = IMAGE + "/800";

	private static final String REDIS_KEY = "starkiller:" + MediaStore.CACHE + "::" + KEY;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void theSweepRefreshesAnImagesKeyOnlyUnderItsLock() throws InterruptedException {
		assertThat(this.http.getBytes("/media/" + KEY).statusCode()).isEqualTo(200);
		// Another writer of the image holds its lock (a delete, say) for as long as this test says.
		this.mongo.getCollection(ImageLocks.COLLECTION)
			.insertOne(new Document("_id", IMAGE).append("owner", "this test")
				.append("until", new Date(System.currentTimeMillis() + 60_000)));
		String marker = "media::marker-" + System.nanoTime();
		try {
			this.redis.opsForValue().set(REDIS_KEY, "held by the test");
			this.redis.opsForValue().set("starkiller:" + marker, "stale");
			// The marker first: once the sweep has refreshed it, it has reached the image's record.
			pending(marker, marker.substring("media::".length()));
			pending(MediaStore.CACHE + "::" + KEY, KEY);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> !"stale".equals(this.redis.opsForValue().get("starkiller:" + marker)));
			Thread.sleep(1000);
			assertThat(this.redis.opsForValue().get(REDIS_KEY)).as("the image's key while its lock is held")
				.isEqualTo("held by the test");
		}
		finally {
			this.mongo.getCollection(ImageLocks.COLLECTION).deleteOne(Filters.eq("_id", IMAGE));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !"held by the test".equals(this.redis.opsForValue().get(REDIS_KEY)));
		// Gone once refreshed and the convergence time has passed: nothing left for other tests' sweeps.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.getCollection("pending_evictions")
				.countDocuments(Filters.in("_id", marker, MediaStore.CACHE + "::" + KEY)) == 0);
	}

	private void pending(String id, String key) {
		this.mongo.getCollection("pending_evictions")
			.insertOne(new Document("_id", id).append("cache", MediaStore.CACHE).append("key", key).append("at", new Date()));
	}

}
