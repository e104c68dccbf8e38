package com.starkiller.images.cache;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The near cache's rules on their own: what a fill keeps, and what a drop undoes. */
class NearCacheTest {

	private final NearCache near = new NearCache(List.of("listings"), 100, Duration.ofMinutes(1));

	/**
	 * Found by review: two reads of one key, the slower holding the older version, both fill with
	 * no drop between (the write's drop had not come yet). The older replaced the newer, so a page
	 * keyed by the newer version was rendered from the older and kept so after the write's answer.
	 */
	@Test
	void aSlowReadsOlderVersionDoesNotReplaceANewerOne() {
		long generation = this.near.generation();
		this.near.fill("listings", 7L, new Version(6), generation);
		this.near.fill("listings", 7L, new Version(5), generation);

		assertThat(this.near.get("listings", 7L)).isEqualTo(new Version(6));
	}

	@Test
	void aNewerVersionReplacesAnOlderOne() {
		long generation = this.near.generation();
		this.near.fill("listings", 7L, new Version(5), generation);
		this.near.fill("listings", 7L, new Version(6), generation);

		assertThat(this.near.get("listings", 7L)).isEqualTo(new Version(6));
	}

	@Test
	void aFillThatReadBeforeADropKeepsNothing() {
		long generation = this.near.generation();
		this.near.drop("listings", 7L);
		this.near.fill("listings", 7L, new Version(5), generation);

		assertThat(this.near.get("listings", 7L)).isNull();
	}

	private record Version(long version) implements Versioned {
	}

}
