package com.starkiller.images.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The hits and misses of one cache at one layer ({@value #KEPT}, {@value #SHELL}, {@value #NEAR}, {@value #REDIS}),
 * counted as {@value #NAME} so that every layer's hit ratio is one PromQL expression. A lookup
 * is counted only where that layer was asked: a near cache that is not trusted, or Redis while it
 * is skipped, counts nothing.
 */
public final class CacheLookups {

	public static final String NAME = "starkiller.cache.lookups";

	/** The rendered pages, fragments and JSON answers kept by the web module. */
	public static final String KEPT = "kept";

	/** The listing shells a page not kept is rendered from (the page module's). */
	public static final String SHELL = "shell";

	static final String NEAR = "near";

	static final String REDIS = "redis";

	private final Counter hits;

	private final Counter misses;

	private CacheLookups(MeterRegistry meters, String layer, String cache) {
		this.hits = counter(meters, layer, cache, "hit");
		this.misses = counter(meters, layer, cache, "miss");
	}

	public static CacheLookups of(MeterRegistry meters, String layer, String cache) {
		return new CacheLookups(meters, layer, cache);
	}

	public void count(boolean hit) {
		(hit ? this.hits : this.misses).increment();
	}

	private static Counter counter(MeterRegistry meters, String layer, String cache, String result) {
		return Counter.builder(NAME)
			.description("Lookups in a cache layer, by result: hits / (hits + misses) is its hit ratio")
			.tags("layer", layer, "cache", cache, "result", result)
			.register(meters);
	}

}
