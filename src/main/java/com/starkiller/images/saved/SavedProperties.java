package com.starkiller.images.saved;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.saved.*}: the most listings one visitor's list keeps, how long a session
 * that is only read goes before its last access (and so its expiry) is written again, and how
 * long a visitor's list lasts after their last visit (the session's timeout and its cookies' age).
 */
@Validated
@ConfigurationProperties("starkiller.saved")
record SavedProperties(@DefaultValue("500") @Min(1) @Max(10000) int max,
		@DefaultValue("1m") @NotNull Duration sessionTouch, @DefaultValue("30d") @NotNull Duration keepFor) {
}
