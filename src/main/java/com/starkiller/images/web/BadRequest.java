package com.starkiller.images.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Input that can never name anything: answered 400 with a message meant for the reader. */
public class BadRequest extends ResponseStatusException {

	public BadRequest(String reason) {
		super(HttpStatus.BAD_REQUEST, reason);
	}

}
