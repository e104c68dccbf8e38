package com.starkiller.images.warmup;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.warmup}: whether a start warms up, how many requests it sends at most and for
 * how long at most, over how many listings, when the JIT counts as settled (it compiled for less
 * than {@code settledBelow} of the last {@code settleWindow}; 0: run to the limits), how long it
 * lasts at least before settling may end it ({@code minTime}), and whether the app exits afterwards
 * (the training run of a JDK AOT cache).
 */
@Validated
@ConfigurationProperties("starkiller.warmup")
record WarmupProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000000") @Min(0) int requests,
		@DefaultValue("90s") @NotNull Duration maxTime, @DefaultValue("5000") @Min(1) int listings,
		@DefaultValue("0.1") @DecimalMin("0") double settledBelow, @DefaultValue("5s") @NotNull Duration settleWindow,
		@DefaultValue("20s") @NotNull Duration minTime, @DefaultValue("false") boolean exit) {
}
