package com.starkiller.images.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the management port, an {@code Accept} with an entry that is no media type (an empty one
 * included, as in {@code ,,,}) is refused with 400. The actuator's endpoints parse the header
 * themselves and let the failure through: a 500 and an ERROR with its stack trace for each such
 * request, where the public port answers 400 (web's ContentTypeCheck and error pages, which do not
 * reach the management port's own context).
 * <p>
 * Listed in {@code ManagementContextConfiguration.imports} and deliberately not annotated with
 * {@code @ManagementContextConfiguration}: that is a {@code @Configuration}, which component
 * scanning would also load into the main context. Unannotated it is imported into any management
 * context; were the actuator to share the public port, it would cover the actuator's paths there.
 */
class ManagementPortAccept {

	private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
			+ "\"detail\":\"An entry of the Accept header is not a media type such as application/json.\"}")
		.getBytes(StandardCharsets.UTF_8);

	@Bean
	static FilterRegistrationBean<Check> managementAcceptCheck(WebEndpointProperties endpoints) {
		String base = endpoints.getBasePath();
		FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check());
		registration.setUrlPatterns(base.isEmpty() ? List.of("/*") : List.of(base, base + "/*"));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class Check extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			for (Enumeration<String> lines = request.getHeaders(HttpHeaders.ACCEPT); lines.hasMoreElements();) {
				if (!isMimeTypes(lines.nextElement())) {
					response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
					response.getOutputStream().write(PROBLEM);
					return;
				}
			}
			chain.doFilter(request, response);
		}

		/** Whether every entry parses as the actuator parses it (an empty one does not). */
		private static boolean isMimeTypes(String accept) {
			try {
				MimeTypeUtils.tokenize(accept).forEach(MimeTypeUtils::parseMimeType);
				return true;
			}
			catch (InvalidMimeTypeException ex) {
				return false;
			}
		}

	}

}
