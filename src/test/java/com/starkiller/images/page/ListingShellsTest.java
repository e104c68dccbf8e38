package com.starkiller.images.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;
import com.starkiller.images.cache.CacheLookups;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A page assembled from its listing's shell is, byte for byte, the page rendered in full: at every
 * photo and review, closed, and after a write. The full renders come from a second instance with
 * shells turned off ({@code starkiller.cache.shell-bytes=0}), on the same MongoDB and Redis.
 */
class ListingShellsTest extends IntegrationTest {

	private static AppInstance unshelled;

	@Autowired
	ListingRepository listings;

	@Autowired
	MeterRegistry meters;

	@BeforeAll
	static void startAnInstanceWithoutShells() {
		unshelled = AppInstance.start("starkiller.cache.shell-bytes=0");
	}

	@AfterAll
	static void stop() {
		unshelled.close();
	}

	@Test
	void everyPageOfAListingFromItsShellIsThePageRenderedInFull() {
		Listing listing = lastSeeded((candidate) -> candidate.photoCount() >= 3 && candidate.reviewCount() >= 3);
		List<String> paths = new ArrayList<>(List.of("/listings/" + listing.id()));
		for (int index = 1; index <= listing.photoCount(); index++) {
			paths.add("/images/" + listing.id() + "?index=" + index);
		}
		for (int index = 1; index <= listing.reviewCount(); index++) {
			paths.add("/reviews/" + listing.id() + "?index=" + index);
		}
		double hitsBefore = shellLookups("hit");

		for (String path : paths) {
			assertThat(normalised(this.http, path)).as(path).isEqualTo(normalised(unshelled.http(), path));
		}

		// The first ask is rendered in full, the second makes the shell, the rest are assembled from it.
		assertThat(shellLookups("hit") - hitsBefore).isGreaterThanOrEqualTo(paths.size() - 2);
	}

	@Test
	void aWriteMakesANewShell() {
		Listing listing = lastSeeded((candidate) -> candidate.photoCount() >= 2 && candidate.reviewCount() >= 2
				&& candidate.id() < IntegrationTest.LISTINGS - 40);
		String before = this.http.get("/reviews/" + listing.id() + "?index=2").body();
		assertThat(before).contains(listing.name());

		String renamed = "Shell test " + listing.id();
		var write = this.http.json("PATCH", "/api/listings/" + listing.id(), "{\"name\":\"" + renamed + "\"}",
				"Authorization", "Bearer " + IntegrationTest.TOKEN);
		assertThat(write.statusCode()).as(write.body()).isEqualTo(200);

		for (String path : List.of("/reviews/" + listing.id() + "?index=1", "/images/" + listing.id() + "?index=2")) {
			String page = normalised(this.http, path);
			assertThat(page).as(path).contains("<h1>" + renamed + "</h1>").doesNotContain(listing.name());
			// The other instance hears of the write by pub/sub, so it is awaited there.
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(normalised(unshelled.http(), path)).as(path).isEqualTo(page));
		}
	}

	/** The page with the instance's origin (its port) taken out, since absolute links carry it, some encoded. */
	private static String normalised(Http http, String path) {
		var response = http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body()
			.replace(http.origin(), "ORIGIN")
			.replace(URLEncoder.encode(http.origin(), StandardCharsets.UTF_8), "ORIGIN");
	}

	/** The seeded listing with the trait and the highest id: the one other tests are least likely to have asked for. */
	private Listing lastSeeded(Predicate<Listing> trait) {
		return LongStream.iterate(IntegrationTest.LISTINGS - 1, (id) -> id >= 0, (id) -> id - 1)
			.mapToObj((id) -> this.listings.findById(id).orElseThrow())
			.filter(trait)
			.findFirst()
			.orElseThrow();
	}

	private double shellLookups(String result) {
		var counter = this.meters.find(CacheLookups.NAME).tags("layer", CacheLookups.SHELL, "result", result).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
