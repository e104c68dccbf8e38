package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.RedisSentinelServers;

import static com.starkiller.images.cache.Failover.assertEachRenameServedFreshByBoth;
import static com.starkiller.images.cache.Failover.assertRenameServedByBothAtOnce;
import static com.starkiller.images.cache.Failover.awaitServedByBoth;
import static com.starkiller.images.cache.Failover.lastAcknowledgedRename;
import static com.starkiller.images.cache.Failover.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on a Sentinel-managed Redis (a primary, two replicas, three sentinels): caches,
 * sessions and the invalidation channel work on it, and a primary killed under load fails no read,
 * loses no acknowledged write, and leaves both instances caching and invalidating on the new one.
 */
class RedisSentinelTest {

	private static final String[] AUTH = AppInstance.AUTH;

	private static RedisSentinelServers sentinel;

	private static AppInstance instanceA;

	private static AppInstance instanceB;

	@BeforeAll
	static void start() {
		sentinel = RedisSentinelServers.start();
		instanceA = AppInstance.start(onSentinel());
		instanceB = AppInstance.start(onSentinel());
	}

	@AfterAll
	static void stop() {
		if (instanceA != null) {
			instanceA.close();
		}
		if (instanceB != null) {
			instanceB.close();
		}
		if (sentinel != null) {
			sentinel.close();
		}
	}

	@Test
	void aWriteThroughOneInstanceIsServedFreshByTheOther() {
		assertEachRenameServedFreshByBoth(instanceA.http(), instanceB.http(), 120, "Sentinel ");
	}

	@Test
	void aHotListingIsServedFromTheNearCopyAndAWriteStillReachesItAtOnce() {
		awaitNearCopyServed(instanceB, 127);

		assertThat(instanceA.http().json("PATCH", "/api/listings/127", "{\"name\":\"Near and watched\"}", AUTH)
			.statusCode()).isEqualTo(200);
		assertThat(name(instanceB.http(), 127)).isEqualTo("Near and watched");
	}

	@Test
	void aSaveThroughOneInstanceIsSeenThroughTheOther() {
		HttpResponse<String> saved = instanceA.http().post("/saved/131", "saved=true", "Sec-Fetch-Site", "same-origin");
		String session = Http.session(saved);

		assertThat(Http.html(instanceB.http().get("/saved", "Cookie", session)).getElementById("saved-131")).isNotNull();
	}

	@Test
	@Timeout(value = 4, unit = TimeUnit.MINUTES)
	void thePrimaryKilledUnderLoadFailsNoReadAndLosesNoAcknowledgedWrite() throws Exception {
		long written = 140;
		Http a = instanceA.http();
		Http b = instanceB.http();
		ReadLoad load = ReadLoad.start(4, a, b, ReadLoad.listingsAndReviewsFrom(140));
		await().atMost(Duration.ofSeconds(30)).until(() -> load.reads() > 200);

		int killed = sentinel.killPrimary();
		// Writes through the failover: the last acknowledged one must be what every instance serves after it.
		String acknowledged = lastAcknowledgedRename(a, written);
		assertThat(sentinel.awaitFailover()).isNotEqualTo(killed);
		load.awaitMoreReads(200, Duration.ofSeconds(30));
		load.stop(Duration.ofSeconds(30));

		load.assertNoReadFailed();
		awaitServedByBoth(acknowledged, a, b, written);

		// Both instances are back on the new primary: subscribed there, and trusting their near copies
		// again, which needs their echoes to come back through it.
		await().atMost(Duration.ofSeconds(60)).until(() -> sentinel.subscribers(InvalidationChannel.CHANNEL) == 2);
		awaitNearCopyServed(instanceA, written);
		awaitNearCopyServed(instanceB, written);
		// So a write through one drops the other's near copy at once.
		assertRenameServedByBothAtOnce(b, a, written, "After the failover");
	}

	private static String[] onSentinel() {
		return new String[] { "spring.data.redis.url=", "spring.data.redis.sentinel.master=" + sentinel.master(),
				"spring.data.redis.sentinel.nodes=" + sentinel.nodes() };
	}

	/**
	 * Waits until the instance trusts its near copies (its channel's echo comes back and Redis
	 * answers) and serves the listing from its copy without asking Redis.
	 */
	private static void awaitNearCopyServed(AppInstance instance, long id) {
		InvalidationChannel channel = instance.bean(InvalidationChannel.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			name(instance.http(), id);
			boolean trusted = channel.trusted();
			long before = sentinel.calls("get");
			name(instance.http(), id);
			return trusted && sentinel.calls("get") == before && channel.trusted();
		});
	}

}
