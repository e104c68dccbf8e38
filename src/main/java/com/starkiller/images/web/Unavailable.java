package com.starkiller.images.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Something this request needs is out of reach for now: answered 503 with {@code Retry-After}. */
public class Unavailable extends ResponseStatusException {

	private static final String RETRY_AFTER_SECONDS = "2";

	public Unavailable(String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, reason);
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return headers;
	}

}
