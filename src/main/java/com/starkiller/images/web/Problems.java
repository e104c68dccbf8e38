package com.starkiller.images.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.server.ResponseStatusException;

/** RFC 9457 problem details, built in this one place for controllers, the error page and filters. */
public final class Problems {

	// Spring MVC's own rendering of ProblemDetail, for filters that answer before any controller.
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String detail) {
		return ProblemDetail.forStatusAndDetail(status, detail);
	}

	public static ProblemDetail of(HttpStatusCode status, String detail, String path) {
		ProblemDetail problem = of(status, detail);
		problem.setInstance(URI.create(path));
		return problem;
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String detail) {
		return response(of(status, detail));
	}

	/** With the exception's headers, such as {@code Retry-After}. */
	public static ResponseEntity<ProblemDetail> response(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.headers(ex.getHeaders())
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(of(ex.getStatusCode(), ex.getReason()));
	}

	public static void write(HttpServletResponse response, HttpStatusCode status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Bytes, not a writer, so the type stays application/problem+json without a charset.
		response.getOutputStream().write(JSON.writeValueAsBytes(of(status, detail)));
	}

}
