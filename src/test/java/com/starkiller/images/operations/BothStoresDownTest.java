package com.starkiller.images.operations;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.ProxiedInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis gone and MongoDB hung at once: a read that finds neither answers 503 with Retry-After
 * (MongoDB out of reach), not 500. When a load fails after a failed cache lookup, Spring's cache
 * support reports the lookup's failure in place of the load's, and Redis "not connected" is no
 * database outage.
 */
class BothStoresDownTest {

	/** Stored by this test and read by no other, so no cache holds it. */
	private static final long UNCACHED = 913_501;

	private static ProxiedInstance instance;

	@BeforeAll
	static void start() {
		// The Redis breaker tries again at once, so each request below meets the failed lookup itself.
		instance = ProxiedInstance.start("starkiller.cache.redis-retry-after=1ms");
		UnreadListing.store(instance.database(), UNCACHED, "Bergen");
	}

	@AfterAll
	static void stop() {
		instance.close();
	}

	@Test
	@Timeout(value = 2, unit = TimeUnit.MINUTES)
	void aReadThatFindsNeitherStoreAnswers503() {
		instance.redis().close();
		instance.mongo().freeze();
		try {
			for (String path : new String[] { "/listings/" + UNCACHED, "/api/listings/" + UNCACHED }) {
				HttpResponse<String> answer = instance.app().http().get(path);
				assertThat(answer.statusCode()).as(path).isEqualTo(503);
				assertThat(answer.headers().firstValue("Retry-After")).as(path).isPresent();
			}
		}
		finally {
			instance.mongo().thaw();
		}
	}

}
