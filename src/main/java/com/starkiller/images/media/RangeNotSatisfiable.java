package com.starkiller.images.media;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A {@code Range} that lies past the end of the image: 416, naming the image's size. */
class RangeNotSatisfiable extends ResponseStatusException {

	private final long length;

	RangeNotSatisfiable(long length) {
		super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "The range asked for lies past the end of the image, which has "
				+ length + " bytes.");
		this.length = length;
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + this.length);
		return headers;
	}

}
