package com.starkiller.images.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
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
		return invalid(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.<String, Object>of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList());
	}

	/**
	 * A constraint on a request parameter, such as a multipart {@code caption}: answered as an
	 * invalid JSON field is, naming the parameter and never repeating its value.
	 */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException ex) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String field = parameterName(result.getMethodParameter());
			result.getResolvableErrors()
				.forEach((error) -> errors.add(
						Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()))));
		}
		return invalid(errors);
	}

	private static ResponseEntity<ProblemDetail> invalid(List<Map<String, Object>> errors) {
		String fields = String.join(", ", errors.stream().map((error) -> (String) error.get("field")).toList());
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields + ".");
		problem.setProperty("errors", errors);
		return Problems.response(problem);
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String named = (param != null) ? (param.name().isEmpty() ? param.value() : param.name()) : "";
		if (!named.isEmpty()) {
			return named;
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "argument " + parameter.getParameterIndex();
	}

	/** Names the field when the body parsed but a value was not of its type (a number for a name, say). */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = (ex.getCause() instanceof JacksonException json) ? field(json.getPath()) : "";
		return Problems.response(HttpStatus.BAD_REQUEST, "The body is not the JSON this endpoint takes"
				+ (field.isEmpty() ? "." : ": " + field + " is not a value of its type."));
	}

	private static String field(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference step : path) {
			if (step.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
			}
			else if (step.getIndex() >= 0) {
				field.append('[').append(step.getIndex()).append(']');
			}
		}
		return field.toString();
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

	/**
	 * Multipart failures happen before any controller is chosen, so they are handled for all: the
	 * API gets problem details, any other path the error page (or problem details if it asks for JSON).
	 */
	@RestControllerAdvice
	static class Uploads {

		private final String limits;

		// None outside a web application (the seed command): nothing is uploaded there.
		Uploads(ObjectProvider<MultipartProperties> multipart) {
			MultipartProperties limits = multipart.getIfAvailable();
			this.limits = (limits != null) ? "at most " + limits.getMaxFileSize().toMegabytes() + " MB a file and "
					+ limits.getMaxRequestSize().toMegabytes() + " MB in all" : "the configured limits";
		}

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			// Tomcat's own limits do not say which one was passed (-1).
			String limit = (ex.getMaxUploadSize() > 0) ? "the limit of " + DataSize.ofBytes(ex.getMaxUploadSize()).toMegabytes()
					+ " MB" : "the limits: " + this.limits;
			return answer(request, response,
					new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "The upload is larger than " + limit + "."));
		}

		@ExceptionHandler(MultipartException.class)
		ResponseEntity<ProblemDetail> malformed(MultipartException ex, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			return answer(request, response, new BadRequest("The multipart request could not be read."));
		}

		private static ResponseEntity<ProblemDetail> answer(HttpServletRequest request, HttpServletResponse response,
				ResponseStatusException error) throws IOException {
			if (ApiPaths.matches(request.getRequestURI())) {
				return Problems.response(error);
			}
			FilterErrors.send(request, response, error);
			return null;
		}

	}

}
