package com.starkiller.images.saved;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie is {@code Secure} over HTTPS (README, Save): behind a TLS-terminating proxy
 * that Tomcat trusts (loopback by default), {@code X-Forwarded-Proto: https} makes the request
 * secure, and the cookie with it; on plain HTTP a Secure cookie would never come back, so it is not.
 */
class SessionCookieTest extends IntegrationTest {

	@Test
	void overHttpsThroughATrustedProxyTheCookiesAreSecure() {
		// The proxy's own port is the scheme's default, as Tomcat takes it when none is forwarded.
		HttpResponse<String> saved = this.http.post("/saved/74", "saved=true", "Sec-Fetch-Site", "same-origin",
				"Origin", "https://127.0.0.1", "X-Forwarded-Proto", "https");

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(attributes(saved, "STARKILLER_SESSION")).contains("Secure", "HttpOnly", "SameSite=Lax");
		assertThat(attributes(saved, "STARKILLER_SAVED")).contains("Secure", "SameSite=Lax");
	}

	@Test
	void overPlainHttpTheyAreNotSecure() {
		HttpResponse<String> saved = this.http.post("/saved/74", "saved=true", "Sec-Fetch-Site", "same-origin",
				"Origin", this.http.origin());

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(attributes(saved, "STARKILLER_SESSION")).contains("HttpOnly", "SameSite=Lax")
			.noneMatch("Secure"::equalsIgnoreCase);
		assertThat(attributes(saved, "STARKILLER_SAVED")).contains("SameSite=Lax").noneMatch("Secure"::equalsIgnoreCase);
	}

	/** The attributes of the cookie of that name the response set, each as written ({@code Secure}, {@code Path=/}). */
	private static List<String> attributes(HttpResponse<?> response, String name) {
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
		return Arrays.stream(cookie.split(";")).skip(1).map(String::strip).toList();
	}

}
