package com.starkiller.images.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.public-url} and {@code starkiller.allowed-hosts}: where the site is, for every
 * absolute URL it writes (Share, the embed snippets, canonical and Open Graph links), and which
 * {@code Host} names it answers to.
 */
@Validated
@ConfigurationProperties("starkiller")
public record SiteProperties(@Nullable URI publicUrl, @DefaultValue @NotNull List<String> allowedHosts) {

	@AssertTrue(message = "starkiller.public-url must be an absolute http or https URL with no query or fragment, "
			+ "such as https://photos.example.com")
	boolean isPublicUrlValid() {
		return !isPublicUrlSet() || (("http".equals(this.publicUrl.getScheme())
				|| "https".equals(this.publicUrl.getScheme())) && this.publicUrl.getHost() != null
				&& this.publicUrl.getRawQuery() == null && this.publicUrl.getRawFragment() == null
				&& this.publicUrl.getRawUserInfo() == null);
	}

	/** The allowed host names, trimmed and in lower case; empty: any. */
	public Set<String> hosts() {
		return this.allowedHosts.stream()
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** An empty setting (the variable STARKILLER_PUBLIC_URL unset) binds to an empty URI. */
	public boolean isPublicUrlSet() {
		return this.publicUrl != null && !this.publicUrl.toString().isEmpty();
	}

}
