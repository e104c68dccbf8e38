package com.starkiller.images.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.util.StringUtils;

import com.starkiller.images.embedded.Servers;
import com.starkiller.images.web.ApiPaths;
import com.starkiller.images.web.Problems;

/**
 * Writes to the JSON API need the bearer token from {@code starkiller.api.token}; reads stay
 * public. Only the API's paths have a security filter chain, so pages pay nothing for it and never
 * get a session from it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurity {

	private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

	@Bean
	SecurityFilterChain apiChain(HttpSecurity http, SecurityProperties properties, Environment environment)
			throws Exception {
		http.securityMatcher(ApiPaths.PATTERNS)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.permitAll()
				.anyRequest()
				.hasRole(BearerToken.WRITER))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers.cacheControl((cacheControl) -> cacheControl.disable()))
			.exceptionHandling((errors) -> errors
				.authenticationEntryPoint((request, response, ex) -> unauthorized(response))
				.accessDeniedHandler((request, response, ex) -> Problems.write(response, HttpStatus.FORBIDDEN,
						"This token may not write.")))
			.addFilterBefore(new BearerToken(token(properties, environment)), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	private static void unauthorized(HttpServletResponse response) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		Problems.write(response, HttpStatus.UNAUTHORIZED, "Writes need the header Authorization: Bearer <token>.");
	}

	/**
	 * The configured token. Instances behind a load balancer must share one, so with a configured
	 * MongoDB or Redis none is generated; on the embedded defaults one is, kept in the data
	 * directory for the developer to read, and never logged.
	 */
	private static String token(SecurityProperties properties, Environment environment) throws IOException {
		String configured = properties.api().token();
		if (StringUtils.hasText(configured)) {
			if (configured.strip().length() < SecurityProperties.Api.MIN_TOKEN_LENGTH) {
				throw new IllegalStateException("starkiller.api.token (STARKILLER_API_TOKEN) is too short to be a secret: "
						+ "use at least " + SecurityProperties.Api.MIN_TOKEN_LENGTH
						+ " random characters, such as the output of: openssl rand -hex 24");
			}
			return configured.strip();
		}
		if (Servers.externalMongo(environment) || Servers.externalRedis(environment)) {
			throw new IllegalStateException("Set starkiller.api.token (STARKILLER_API_TOKEN): with a configured MongoDB "
					+ "or Redis the app runs as one of a fleet, and every instance must accept the same write token.");
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String generated = HexFormat.of().formatHex(random);
		Path file = Path.of(environment.getProperty("starkiller.data-dir", "./data"), "api-token").toAbsolutePath()
			.normalize();
		Files.createDirectories(file.getParent());
		writeOwnerOnly(file, generated + System.lineSeparator());
		log.warn("No starkiller.api.token (STARKILLER_API_TOKEN) set: writes use a generated token, written to {}",
				file);
		return generated;
	}

	/**
	 * A new file that only its owner may read from its first byte on (not narrowed after it was
	 * written), in place of whatever was there: a link left at its name is removed, not followed.
	 */
	private static void writeOwnerOnly(Path file, String text) throws IOException {
		Files.deleteIfExists(file);
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
			file.toFile().setReadable(false, false);
			file.toFile().setReadable(true, true);
		}
		Files.writeString(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
				LinkOption.NOFOLLOW_LINKS);
	}

}
