package com.starkiller.images.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.error.ErrorAttributeOptions.Include;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error, from our controllers, from Spring MVC or from Tomcat, ends here: an error page for
 * people, RFC 9457 problem details for clients that ask for JSON. Never a stack trace.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	static final String VIEW = "error/page";

	/** The error inside a partner's frame: the widget's size, without the site around it. */
	static final String EMBEDDED_VIEW = "error/embedded";

	private static final ErrorAttributeOptions PATH = ErrorAttributeOptions.of(Include.PATH, Include.STATUS);

	/**
	 * Statuses only our own code answers with a reason (a write from another site, a too large
	 * upload, a range past the end).
	 */
	private static final Set<HttpStatusCode> WORDED_STATUSES = Set.of(HttpStatus.FORBIDDEN,
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.CONTENT_TOO_LARGE, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);

	private static final String DEFAULT_DETAIL_4XX = "There is nothing to show at this address.";

	private static final String DEFAULT_DETAIL_5XX = "Something went wrong on our side; please try again.";

	private final ErrorAttributes errorAttributes;

	private final MessageSource messages;

	ErrorPages(ErrorAttributes errorAttributes, MessageSource messages) {
		this.errorAttributes = errorAttributes;
		this.messages = messages;
	}

	/** People get the error page; the JSON API gets problem details whatever it accepts. */
	@RequestMapping
	Object page(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if ((uri instanceof String path && ApiPaths.matches(path)) || asksForJsonUnreadably(request)) {
			return json(request, response);
		}
		Problem problem = problem(request, response);
		String view = (uri instanceof String path && path.startsWith("/embed/")) ? EMBEDDED_VIEW : VIEW;
		return new ModelAndView(view, Map.of("problem", problem, "words", words(problem, locale)), problem.status());
	}

	/** An {@code Accept} that does not parse cannot be negotiated; one that names JSON still gets it. */
	private static boolean asksForJsonUnreadably(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("json")
				&& !ContentTypeCheck.isMediaRanges(accept);
	}

	/**
	 * The title and explanation in the page's language: a general one per status where the bundle
	 * has it, else the problem's own (English has none, so English pages keep the specific reason).
	 * Looked up with a default, because a missing message asked for without one costs an exception.
	 */
	private Words words(Problem problem, Locale locale) {
		String title = this.messages.getMessage("error.title." + problem.code(), null, problem.title(), locale);
		String detail = this.messages.getMessage("error.detail." + problem.code(), null, problem.detail(), locale);
		return new Words(title, detail);
	}

	@RequestMapping(produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<ProblemDetail> json(HttpServletRequest request, HttpServletResponse response) {
		Problem problem = problem(request, response);
		return Problems.response(Problems.of(problem.status(), problem.detail(), problem.path()));
	}

	private Problem problem(HttpServletRequest request, HttpServletResponse response) {
		// Errors are negotiated like pages (error page or problem details, in the visitor's
		// language), and a cache must not keep one: the listing may exist a moment later.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		for (String header : VaryHeaders.CHOSEN_BY) {
			if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(header::equalsIgnoreCase)) {
				response.addHeader(HttpHeaders.VARY, header);
			}
		}
		ServletWebRequest webRequest = new ServletWebRequest(request);
		Map<String, Object> attributes = this.errorAttributes.getErrorAttributes(webRequest, PATH);
		Throwable error = malformedMediaType(unavailable(error(request, webRequest)));
		HttpStatus status = status(request, error);
		if (error instanceof ResponseStatusException known) {
			known.getHeaders().forEach((name, values) -> values.forEach((value) -> response.setHeader(name, value)));
		}
		String path = (String) attributes.getOrDefault("path", "/");
		return new Problem(status, detail(status, error), safePath(path));
	}

	/**
	 * The error: the one {@link FilterErrors#send} named, else the one Spring or the container saw.
	 * A handler that answers with {@code send} has had Spring record the exception it handled, which
	 * would otherwise win.
	 */
	private Throwable error(HttpServletRequest request, ServletWebRequest webRequest) {
		Object sent = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		return (sent instanceof ResponseStatusException named) ? named : this.errorAttributes.getError(webRequest);
	}

	// A status an exception carries wins over the 500 the container gives any exception it saw.
	private static HttpStatus status(HttpServletRequest request, Throwable error) {
		if (error instanceof ResponseStatusException known && HttpStatus.resolve(known.getStatusCode().value()) != null) {
			return HttpStatus.valueOf(known.getStatusCode().value());
		}
		// Asked for by its address, the error page is no error: there is nothing there.
		if (request.getDispatcherType() != DispatcherType.ERROR) {
			return HttpStatus.NOT_FOUND;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** MongoDB out of reach or too slow, anywhere in the cause chain, becomes {@link Unavailable}. */
	private static Throwable unavailable(Throwable error) {
		return Unavailable.databaseOutOfReach(error) ? Unavailable.database() : error;
	}

	/**
	 * An Accept or Content-Type that is no media type, anywhere in the cause chain, becomes
	 * {@link BadRequest}: where a library parses it without handling the failure (the actuator's
	 * endpoints, for {@code Accept: ,,,}), it would otherwise be a 500.
	 */
	private static Throwable malformedMediaType(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidMimeTypeException || cause instanceof InvalidMediaTypeException) {
				return new BadRequest("The Accept or Content-Type header is not a media type such as text/html.");
			}
		}
		return error;
	}

	// Only our own exceptions carry reasons written for readers; others get the status phrase.
	private static String detail(HttpStatus status, Throwable error) {
		if (error instanceof BadRequest || error instanceof NotFound || error instanceof Unavailable
				|| error instanceof Conflict || error instanceof ResponseStatusException known
						&& WORDED_STATUSES.contains(known.getStatusCode()) && known.getReason() != null) {
			return ((ResponseStatusException) error).getReason();
		}
		return status.is4xxClientError() ? DEFAULT_DETAIL_4XX : DEFAULT_DETAIL_5XX;
	}

	private static String safePath(String path) {
		try {
			return URI.create(path).getPath() != null ? path : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

	/** The error page's title and explanation in the page's language. */
	record Words(String title, String detail) {

	}

	/** What the error page and the problem details say. */
	record Problem(HttpStatus status, String detail, String path) {

		public int code() {
			return this.status.value();
		}

		public String title() {
			return this.status.getReasonPhrase();
		}

	}

}
