package com.starkiller.images.seed;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.seed.*}: the demo data ({@code demo}: unset seeds it on the embedded MongoDB only)
 * and how the seeder writes.
 */
@Validated
@ConfigurationProperties("starkiller.seed")
record SeedProperties(Boolean demo, @DefaultValue("20000") @Min(1) int demoListings,
		@DefaultValue("120") @Min(1) int imagePool, @DefaultValue("1000") @Min(1) int batchSize,
		@DefaultValue("2") @Min(1) int writers) {
}
