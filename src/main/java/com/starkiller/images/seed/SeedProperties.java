package com.starkiller.images.seed;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code starkiller.seed.*}: the demo data written on the first start, and how the seeder writes. */
@Validated
@ConfigurationProperties("starkiller.seed")
record SeedProperties(@DefaultValue("true") boolean demo, @DefaultValue("20000") @Min(1) int demoListings,
		@DefaultValue("120") @Min(1) int imagePool, @DefaultValue("1000") @Min(1) int batchSize,
		@DefaultValue("2") @Min(1) int writers) {
}
