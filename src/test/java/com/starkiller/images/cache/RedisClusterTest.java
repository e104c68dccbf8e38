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
import com.starkiller.images.RedisClusterServers;

import static com.starkiller.images.cache.Failover.assertEachRenameServedFreshByBoth;
import static com.starkiller.images.cache.Failover.assertRenameServedByBothAtOnce;
import static com.starkiller.images.cache.Failover.awaitServedByBoth;
import static com.starkiller.images.cache.Failover.lastAcknowledgedRename;
import static com.starkiller.images.cache.Failover.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on a Redis Cluster of three primaries and three replicas: caches, sessions, the
 * invalidation channel and the version-checked writes work on it, and a primary killed under load
 * fails no read and loses no acknowledged write.
 */
class RedisClusterTest {

	private static final String[] AUTH = AppInstance.AUTH;

	private static RedisClusterServers cluster;

	private static AppInstance instanceA;

	private static AppInstance instanceB;

	@BeforeAll
	static void start() {
		cluster = RedisClusterServers.start();
		instanceA = AppInstance.start("spring.data.redis.url=", "spring.data.redis.cluster.nodes=" + cluster.nodes());
		instanceB = AppInstance.start("spring.data.redis.url=", "spring.data.redis.cluster.nodes=" + cluster.nodes());
	}

	@AfterAll
	static void stop() {
		if (instanceA != null) {
			instanceA.close();
		}
		if (instanceB != null) {
			instanceB.close();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void aWriteThroughOneInstanceIsServedFreshByTheOther() {
		assertEachRenameServedFreshByBoth(instanceA.http(), instanceB.http(), 20, "Cluster ");
	}

	@Test
	void aHotListingIsServedFromTheNearCopyAndAWriteStillReachesItAtOnce() {
		Http a = instanceA.http();
		Http b = instanceB.http();
		// The near copy is trusted once the channel's echo has come back.
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			name(b, 27);
			long before = cluster.calls("get");
			name(b, 27);
			return cluster.calls("get") == before;
		});

		assertThat(a.json("PATCH", "/api/listings/27", "{\"name\":\"Near and clustered\"}", AUTH).statusCode())
			.isEqualTo(200);
		assertThat(name(b, 27)).isEqualTo("Near and clustered");
	}

	@Test
	void aSaveThroughOneInstanceIsSeenThroughTheOther() {
		HttpResponse<String> saved = instanceA.http().post("/saved/31", "saved=true", "Sec-Fetch-Site", "same-origin");
		String session = Http.session(saved);

		assertThat(Http.html(instanceB.http().get("/saved", "Cookie", session)).getElementById("saved-31")).isNotNull();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void aPrimaryKilledUnderLoadFailsNoReadAndLosesNoAcknowledgedWrite() throws Exception {
		long written = 40;
		Http a = instanceA.http();
		Http b = instanceB.http();
		ReadLoad load = ReadLoad.start(4, a, b, ReadLoad.listingsAndReviewsFrom(40));
		await().atMost(Duration.ofSeconds(30)).until(() -> load.reads() > 200);

		cluster.killPrimaryOf("starkiller:listings::" + written);
		// Writes through the failover: each acknowledged one must be what every instance serves after it.
		String acknowledged = lastAcknowledgedRename(a, written);
		cluster.awaitHealthy();
		load.awaitMoreReads(200, Duration.ofSeconds(30));
		load.stop(Duration.ofSeconds(30));

		load.assertNoReadFailed();
		awaitServedByBoth(acknowledged, a, b, written);
		// And a write after it is served fresh by both at once.
		assertRenameServedByBothAtOnce(b, a, written, "After the failover");
	}

}
