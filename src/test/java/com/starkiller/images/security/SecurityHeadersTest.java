package com.starkiller.images.security;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries the security headers: pages, kept pages, fragments, JSON, media, assets, errors. */
class SecurityHeadersTest extends IntegrationTest {

	@Test
	void everyKindOfAnswerCarriesThem() {
		String css = Http.html(this.http.get("/listings/4")).selectFirst("link[rel=stylesheet]").attr("href");
		String[][] requests = { { "/listings/4" }, { "/listings/4" /* kept */ }, { "/images/4?index=2", "HX-Request", "true" },
				{ "/images/4", "Accept", "application/json" }, { "/api/listings/4" }, { "/media/demo-001/200" },
				{ css }, { "/listings/987654321" }, { "/reviews/abc", "Accept", "application/json" }, { "/saved" },
				{ "/readyz" }, { "/embed/listings/4" } };
		for (String[] request : requests) {
			HttpResponse<String> response = this.http.get(request[0], Arrays.copyOfRange(request, 1, request.length));
			HttpHeaders headers = response.headers();
			String what = String.join(" ", request) + " → " + response.statusCode();
			assertThat(headers.allValues("Content-Security-Policy")).as(what).hasSize(1);
			Map<String, String> policy = directives(headers.firstValue("Content-Security-Policy").orElseThrow());
			assertThat(policy).as(what)
				.containsEntry("default-src", "'self'")
				.containsEntry("script-src", "'self'")
				.containsEntry("style-src", "'self'")
				.containsEntry("img-src", "'self' data:")
				.containsEntry("object-src", "'none'")
				.containsEntry("base-uri", "'self'")
				.containsEntry("form-action", "'self'")
				.containsKey("frame-ancestors");
			assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).as(what)
				.doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
			assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("strict-origin-when-cross-origin");
			assertThat(headers.firstValue("Permissions-Policy")).as(what)
				.hasValueSatisfying((value) -> assertThat(value).contains("camera=()", "geolocation=()", "microphone=()"));
			// Plain HTTP from the client: no HSTS, which only a secure answer may carry.
			assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
		}
	}

	@Test
	void onlyTheWidgetMayBeFramedByOthers() {
		assertThat(directives(csp("/listings/4"))).containsEntry("frame-ancestors", "'self'");
		assertThat(this.http.get("/listings/4").headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
		assertThat(directives(csp("/embed/listings/4"))).containsEntry("frame-ancestors", "'self' https:");
		assertThat(this.http.get("/embed/listings/4").headers().firstValue("X-Frame-Options")).isEmpty();
	}

	@Test
	void aSecureRequestThroughATrustedProxyGetsHsts() {
		assertThat(head(this.http.raw("/listings/5", "X-Forwarded-Proto", "https")))
			.contains("strict-transport-security: max-age=31536000");
		assertThat(head(this.http.raw("/media/demo-001/200", "X-Forwarded-Proto", "https")))
			.contains("strict-transport-security: max-age=31536000");
	}

	private String csp(String path) {
		return this.http.get(path).headers().firstValue("Content-Security-Policy").orElseThrow();
	}

	private static String head(String response) {
		return response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
	}

	private static Map<String, String> directives(String policy) {
		return Arrays.stream(policy.split(";"))
			.map(String::trim)
			.filter((directive) -> !directive.isEmpty())
			.collect(Collectors.toMap((directive) -> directive.split(" ", 2)[0],
					(directive) -> directive.contains(" ") ? directive.split(" ", 2)[1] : ""));
	}

}
