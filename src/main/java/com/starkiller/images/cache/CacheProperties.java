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
 * copy and its bounds, the bytes of rendered pages kept, how often pending evictions are swept, and
 * how long "there is nothing under this key" is remembered.
 */
@Validated
@ConfigurationProperties("starkiller.cache")
public record CacheProperties(@DefaultValue("1h") @DurationMin(seconds = 1) Duration listingTtl,
		@DefaultValue("1h") @DurationMin(seconds = 1) Duration reviewTtl,
		@DefaultValue("24h") @DurationMin(seconds = 1) Duration mediaTtl,
		@DefaultValue("2s") @DurationMin(millis = 1) Duration redisRetryAfter,
		@DefaultValue({ "listings", "review-pages" }) @NotNull List<String> nearCaches,
		@DefaultValue("10000") @Min(1) int nearEntries, @DefaultValue("60s") @DurationMin(millis = 1) Duration nearTtl,
		@DefaultValue("64MB") @NotNull DataSize renderedBytes,
		@DefaultValue("2s") @DurationMin(millis = 100) Duration pendingSweep,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration absentTtl) {
}
