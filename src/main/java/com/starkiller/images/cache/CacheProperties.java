package com.starkiller.images.cache;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.cache.*}: the time to live of each feature's Redis cache (entries are also made
 * unreachable by version on writes), how long a failed Redis is skipped, which caches have a near
 * copy and its bounds, the bytes of rendered pages and of listing shells kept, how often pending evictions are swept, and
 * how long "there is nothing under this key" is remembered.
 */
@Validated
@ConfigurationProperties("starkiller.cache")
public record CacheProperties(@DefaultValue("1h") @DurationMin(seconds = 1) Duration listingTtl,
		@DefaultValue("1h") @DurationMin(seconds = 1) Duration reviewTtl,
		@DefaultValue("24h") @DurationMin(seconds = 1) Duration mediaTtl,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration redisRetryAfter,
		@DefaultValue({ "listings", "review-pages" }) @NotNull List<String> nearCaches,
		@Min(1) Integer nearEntries, @DefaultValue("60s") @DurationMin(millis = 1) Duration nearTtl,
		DataSize renderedBytes, DataSize shellBytes, @DefaultValue("2s") @DurationMin(millis = 100) Duration pendingSweep,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration absentTtl) {

	/** The most entries a near cache holds when none is set. */
	static final int NEAR_ENTRIES = 10_000;

	/** The most bytes of rendered pages kept when none is set. */
	static final DataSize RENDERED_BYTES = DataSize.ofMegabytes(64);

	/** The most bytes of listing shells kept when none is set. */
	static final DataSize SHELL_BYTES = DataSize.ofMegabytes(32);

	/**
	 * Unset, the near caches, the rendered pages and the listing shells are sized from the heap: an
	 * eighth of it for the pages, a sixteenth for the shells, and an entry per 64 KB of it per near cache, up to the limits above. Sized for a
	 * large heap, they filled a 256 MB one: the serial collector then ran a full collection every
	 * second or two and random misses ran at half the rate (docs/benchmarks.md).
	 */
	public CacheProperties {
		long heap = Runtime.getRuntime().maxMemory();
		if (nearEntries == null) {
			nearEntries = (int) Math.max(100, Math.min(NEAR_ENTRIES, heap / DataSize.ofKilobytes(64).toBytes()));
		}
		if (renderedBytes == null) {
			renderedBytes = DataSize.ofBytes(Math.min(RENDERED_BYTES.toBytes(), heap / 8));
		}
		if (shellBytes == null) {
			shellBytes = DataSize.ofBytes(Math.min(SHELL_BYTES.toBytes(), heap / 16));
		}
	}

}
