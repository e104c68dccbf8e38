package com.starkiller.images.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request the current state refuses (a full list, no free id): 409 with a message meant for the reader. */
public class Conflict extends ResponseStatusException {

	public Conflict(String reason) {
		super(HttpStatus.CONFLICT, reason);
	}

}
