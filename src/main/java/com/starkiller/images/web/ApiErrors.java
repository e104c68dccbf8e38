package com.starkiller.images.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** The JSON API's errors: RFC 9457 problem details that name what was wrong. */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<ProblemDetail> status(ResponseStatusException ex) {
		return Problems.response(ex);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.<String, Object>of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		String fields = String.join(", ", errors.stream().map((error) -> (String) error.get("field")).toList());
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields + ".");
		problem.setProperty("errors", errors);
		return Problems.response(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		return Problems.response(HttpStatus.BAD_REQUEST, "The body is not the JSON this endpoint takes.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException ex) {
		return Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Send " + ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList() + ".");
	}

	/** A part sent as a file where a text field belongs, such as {@code caption}. */
	@ExceptionHandler(MethodArgumentConversionNotSupportedException.class)
	ResponseEntity<ProblemDetail> unconvertible(MethodArgumentConversionNotSupportedException ex) {
		return Problems.response(HttpStatus.BAD_REQUEST, "'" + ex.getName() + "' is not a value this endpoint takes.");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return Problems.response(HttpStatus.BAD_REQUEST,
				"The multipart request has no part '" + ex.getRequestPartName() + "'.");
	}

	/** Multipart failures happen before any controller is chosen, so they are handled for all. */
	@RestControllerAdvice
	static class Uploads {

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
			return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than the limit of "
					+ ex.getMaxUploadSize() / (1024 * 1024) + " MB.");
		}

		@ExceptionHandler(MultipartException.class)
		ResponseEntity<ProblemDetail> malformed(MultipartException ex) {
			return Problems.response(HttpStatus.BAD_REQUEST, "The multipart request could not be read.");
		}

	}

}
