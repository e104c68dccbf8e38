package com.starkiller.images.web;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import com.starkiller.images.language.Languages;

/**
 * Pages, fragments and JSON share URLs, so every answer says which request headers chose it;
 * browsers and CDNs then never serve a fragment where a page was asked for, or a page in another
 * language (chosen by Accept-Language, or by the cookie a switch leaves).
 */
class VaryHeaders implements HandlerInterceptor {

	static final String[] CHOSEN_BY = { "HX-Request", "Accept", "Accept-Language", "Cookie", Languages.HEADER };

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Collection<String> present = response.getHeaders("Vary");
		for (String header : CHOSEN_BY) {
			if (present.stream().noneMatch(header::equalsIgnoreCase)) {
				response.addHeader("Vary", header);
			}
		}
		// A page rendered for a visitor with a session (not one kept for everyone) may show their
		// Save state: no shared cache may keep it. Set before rendering, which may commit the answer.
		// The session is asked for last: Spring Session reads it from Redis to tell whether it exists.
		if (!KeptPages.shared(request) && !response.containsHeader(HttpHeaders.CACHE_CONTROL)
				&& request.getRequestedSessionId() != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, KeptPages.VISITORS_OWN);
		}
		return true;
	}

}
