package com.starkiller.images.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code starkiller.api.*} and {@code starkiller.embed.*}: the write token and who may frame the widget. */
@Validated
@ConfigurationProperties("starkiller")
record SecurityProperties(@DefaultValue @Valid Api api, @DefaultValue @Valid Embed embed) {

	/** The bearer token writes need; empty: one is generated at start-up into a file only the owner can read, whose path is logged. */
	record Api(@DefaultValue("") @NotNull String token) {

		/** 32 hexadecimal characters are 128 random bits. */
		static final int MIN_TOKEN_LENGTH = 32;

	}

	/** CSP frame-ancestors sources allowed to frame the widget (/embed/**). */
	record Embed(@DefaultValue("'self' https:") @NotBlank String frameAncestors) {
	}

}
