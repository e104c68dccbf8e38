package com.starkiller.images.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes under {@code /api} (and the original's {@code POST /insert}) need the bearer token from
 * {@code starkiller.api.token}; reads stay public. Only those paths have a security filter chain,
 * so pages pay nothing for it and never get a session from it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurity {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

	@Bean
	SecurityFilterChain apiChain(HttpSecurity http, StarkillerProperties properties) throws Exception {
		byte[] token = token(properties).getBytes(StandardCharsets.UTF_8);
		http.securityMatcher("/api/**", "/insert")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.hasRole("WRITER"))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.cacheControl((cacheControl) -> cacheControl.disable()))
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"Writes need the header Authorization: Bearer <token>."))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"This token may not write.")))
			.addFilterBefore(new BearerToken(token), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	private static String token(StarkillerProperties properties) {
		String configured = properties.api().token();
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String generated = HexFormat.of().formatHex(random);
		log.warn("No starkiller.api.token (STARKILLER_API_TOKEN) set: writes use this generated token: {}", generated);
		return generated;
	}

	private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// Bytes, not a writer, so the type stays application/problem+json without a charset.
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	/** Authenticates a request whose bearer token matches, compared in constant time. */
	private static final class BearerToken extends OncePerRequestFilter {

		private static final String PREFIX = "Bearer ";

		private final byte[] token;

		BearerToken(byte[] token) {
			this.token = token;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith(PREFIX) && MessageDigest
				.isEqual(header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8), this.token)) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api", null,
							List.of(new SimpleGrantedAuthority("ROLE_WRITER"))));
			}
			chain.doFilter(request, response);
		}

	}

}
