package com.starkiller.images.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.server.ResponseStatusException;

/**
 * How a servlet filter refuses a request: through the container's error dispatch, so the answer is
 * the same error page or problem details as a controller's, with the reason the filter gives.
 */
public final class FilterErrors {

	private FilterErrors() {
	}

	public static void send(HttpServletRequest request, HttpServletResponse response, ResponseStatusException error)
			throws IOException {
		// The error page reads the exception from here (Spring Boot's ErrorAttributes.getError).
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
		response.sendError(error.getStatusCode().value());
	}

}
