package com.starkiller.images.assets;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.assets.*}: how long browsers may keep the icons served at the site's root
 * ({@code /favicon.ico}, {@code /apple-touch-icon.png}). Those names carry no hash, so unlike
 * {@code /assets/**} they cannot be cached for a year; {@code archive} is read by
 * {@link AssetArchiveConfiguration}'s condition.
 */
@Validated
@ConfigurationProperties("starkiller.assets")
record AssetProperties(@DefaultValue("1d") @NotNull Duration iconMaxAge) {
}
