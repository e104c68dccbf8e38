package com.starkiller.images.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A well-formed request for something that does not exist: answered 404. */
public class NotFound extends ResponseStatusException {

	public NotFound(String reason) {
		super(HttpStatus.NOT_FOUND, reason);
	}

}
