package com.starkiller.images.web;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Something this request needs is out of reach for now: answered 503 with {@code Retry-After}. */
public class Unavailable extends ResponseStatusException {

	private static final String RETRY_AFTER_SECONDS = "2";

	public Unavailable(String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, reason);
	}

	/** MongoDB out of reach or too slow, in the words every such answer gives. */
	public static Unavailable database() {
		return new Unavailable("The database is not answering; please try again in a moment.");
	}

	/** Whether the failure, anywhere in its cause chain, is MongoDB out of reach or too slow. */
	public static boolean databaseOutOfReach(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoTimeoutException || cause instanceof MongoOperationTimeoutException
					|| cause instanceof MongoExecutionTimeoutException || cause instanceof MongoSocketException
					|| cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return headers;
	}

}
