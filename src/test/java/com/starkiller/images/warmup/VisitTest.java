package com.starkiller.images.warmup;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the warm-up asks for. */
class VisitTest {

	/**
	 * Found by review: the warm-up asked for photos of every listing it visited, about five
	 * thousand variants a start, each through the shared Redis: with real photos, half a gigabyte
	 * per instance start, evicting what visitors use. It asks for the photos of a few listings.
	 */
	@Test
	void theWarmupAsksForThePhotosOfAFewListingsOnly() {
		List<Target> targets = LongStream.range(0, 200)
			.mapToObj((id) -> new Target(id, 3, List.of("image-" + id + "-a", "image-" + id + "-b")))
			.toList();
		Set<String> allowed = targets.subList(0, Visit.MEDIA_LISTINGS).stream()
			.flatMap((target) -> target.images().stream())
			.collect(Collectors.toSet());

		Set<String> asked = new HashSet<>();
		for (long n = 0; n < 12_000; n++) {
			Visit visit = Visit.nth(n, targets);
			if (visit.target().startsWith("/media/")) {
				asked.add(visit.target().split("/")[2]);
			}
		}

		assertThat(asked).isNotEmpty().isSubsetOf(allowed);
	}

}
