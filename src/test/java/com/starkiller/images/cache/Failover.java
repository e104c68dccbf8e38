package com.starkiller.images.cache;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on a Redis that fails over (a cluster, or one Sentinel watches): listings renamed
 * through one and read through both, before, during and after the failover.
 */
final class Failover {

	private Failover() {
	}

	/** The listing's name as the API serves it. */
	static String name(Http http, long id) {
		String body = http.get("/api/listings/" + id).body();
		return body.replaceAll("(?s).*\"name\":\"([^\"]*)\".*", "$1");
	}

	/** Six listings from {@code first}, each read twice through b, then renamed through a. */
	static void assertEachRenameServedFreshByBoth(Http a, Http b, long first, String prefix) {
		for (long id = first; id < first + 6; id++) {
			name(b, id);
			name(b, id);
			assertRenameServedByBothAtOnce(a, b, id, prefix + id);
		}
	}

	/** Renamed through one instance, the listing is served so at once by the other, then by it. */
	static void assertRenameServedByBothAtOnce(Http through, Http other, long id, String newName) {
		assertThat(rename(through, id, newName).statusCode()).isEqualTo(200);
		assertThat(name(other, id)).isEqualTo(newName);
		assertThat(name(through, id)).isEqualTo(newName);
	}

	/** Twenty renames 100 ms apart, while the primary fails over: the last name acknowledged, if any. */
	static String lastAcknowledgedRename(Http through, long id) throws InterruptedException {
		String acknowledged = null;
		for (int i = 0; i < 20; i++) {
			String newName = "Through the failover " + i;
			if (rename(through, id, newName).statusCode() == 200) {
				acknowledged = newName;
			}
			Thread.sleep(100);
		}
		return acknowledged;
	}

	/** Within seconds of the failover, both instances serve the last name acknowledged through it. */
	static void awaitServedByBoth(String acknowledged, Http a, Http b, long id) {
		assertThat(acknowledged).as("no write was acknowledged during the failover").isNotNull();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(name(a, id)).isEqualTo(acknowledged);
			assertThat(name(b, id)).isEqualTo(acknowledged);
		});
	}

	private static HttpResponse<String> rename(Http through, long id, String newName) {
		return through.json("PATCH", "/api/listings/" + id, "{\"name\":\"" + newName + "\"}", AppInstance.AUTH);
	}

}
