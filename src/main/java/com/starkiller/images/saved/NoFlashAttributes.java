package com.starkiller.images.saved;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * In place of Spring MVC's session-held flash attributes, which read the visitor's session on every
 * request that reaches a controller: a Redis round trip for everyone holding a session cookie, and a
 * read made before Save can tell a session it could not read from none. Our redirects carry what
 * they say in their URL, so there is nothing to keep; one that adds flash attributes fails loudly.
 */
final class NoFlashAttributes implements FlashMapManager {

	@Override
	public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
		return null;
	}

	@Override
	public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
		if (!flashMap.isEmpty()) {
			throw new IllegalStateException("Flash attributes are not kept here: put what the next page needs in its URL.");
		}
	}

}
