package com.starkiller.images.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything a user of the service may tune, under {@code starkiller.*}. Defaults live here and
 * in the README's configuration table.
 */
@ConfigurationProperties("starkiller")
public record StarkillerProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Cache cache,
		@DefaultValue Seed seed, @DefaultValue Api api, @DefaultValue Upload upload, @DefaultValue Embed embed) {

	/** CSP frame-ancestors sources allowed to frame the widget (/embed/**). */
	public record Embed(@DefaultValue("'self' https:") String frameAncestors) {
	}

	/** The bearer token writes need; empty: one is generated at start-up and logged. */
	public record Api(@DefaultValue("") String token) {
	}

	/** Limits of image uploads; the byte limit itself is spring.servlet.multipart.max-file-size. */
	public record Upload(@DefaultValue("40000000") long maxPixels) {
	}

	/**
	 * Time to live of each Redis cache (entries are also made unreachable by version on writes);
	 * which caches have an in-process near copy, and its bounds; the bytes of rendered pages kept.
	 */
	public record Cache(@DefaultValue("1h") Duration listingTtl, @DefaultValue("1h") Duration reviewTtl,
			@DefaultValue("24h") Duration mediaTtl, @DefaultValue("2s") Duration redisRetryAfter,
			@DefaultValue({ "listings", "review-pages" }) List<String> nearCaches,
			@DefaultValue("10000") int nearEntries, @DefaultValue("60s") Duration nearTtl,
			@DefaultValue("64MB") DataSize renderedBytes) {
	}

	/** Demo data written on the first start, when the database has no listing. */
	public record Seed(@DefaultValue("true") boolean demo, @DefaultValue("20000") int demoListings,
			@DefaultValue("120") int imagePool, @DefaultValue("1000") int batchSize,
			@DefaultValue("2") int writers) {
	}

}
