package com.starkiller.images.assets;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Vary: Accept-Encoding} on every asset answer, the uncompressed ones too. The resource
 * chain adds it only when it serves a .br or .gz; without it on the identity answer, a shared
 * cache that first stored that answer would hand it to every client, and one that first stored a
 * compressed answer could not know it must not hand that to a client unable to decode it.
 */
class AcceptEncodingVary extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(HttpHeaders.ACCEPT_ENCODING::equalsIgnoreCase)) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		chain.doFilter(request, response);
	}

}
