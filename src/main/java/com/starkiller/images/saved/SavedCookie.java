package com.starkiller.images.saved;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * A cookie the page's script can read, present while the visitor has saved listings. Pages are the
 * same for every visitor; only a visitor with this cookie costs a second request, for their Save
 * button. It says nothing but "ask": the saved listings themselves stay in the session.
 */
final class SavedCookie {

	static final String NAME = "STARKILLER_SAVED";

	private SavedCookie() {
	}

	/** Sets or removes the cookie to match whether the visitor has anything saved. */
	static void reflect(boolean anySaved, Duration keepFor, HttpServletRequest request, HttpServletResponse response) {
		if (anySaved == present(request)) {
			return;
		}
		// As long as the session cookie beside it (server.servlet.session.cookie.max-age, the same setting).
		ResponseCookie cookie = ResponseCookie.from(NAME, anySaved ? "1" : "")
			.path("/")
			.sameSite("Lax")
			.secure(request.isSecure())
			.maxAge(anySaved ? keepFor : Duration.ZERO)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private static boolean present(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (NAME.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

}
