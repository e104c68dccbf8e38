package com.starkiller.images.saved;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code starkiller.saved.*}: the most listings one visitor's list keeps. */
@Validated
@ConfigurationProperties("starkiller.saved")
record SavedProperties(@DefaultValue("500") @Min(1) @Max(10000) int max) {
}
