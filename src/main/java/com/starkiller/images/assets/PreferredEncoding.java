package com.starkiller.images.assets;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The content coding of an asset is ours to choose among those the client accepts: br first (the
 * smaller), then gzip. Spring 7's EncodedResourceResolver takes the first coding in the client's
 * own order and ignores {@code q}, so Chrome, which sends {@code gzip, deflate, br, zstd}, would
 * get gzip, and {@code gzip;q=0} would still get gzip. This filter hands the resolver the
 * {@code Accept-Encoding} it should act on: our codings the client accepts, in our order.
 * <p>
 * It also adds {@code Vary: Accept-Encoding} to every asset answer, the uncompressed ones too (the
 * resolver adds it only to encoded ones): otherwise a shared cache that stored the identity answer
 * would hand it to every client without knowing it could have chosen.
 */
class PreferredEncoding extends OncePerRequestFilter {

	/** What frontend/build.mjs writes beside each text asset, best first. */
	static final List<String> CODINGS = List.of("br", "gzip");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (response.getHeaders(HttpHeaders.VARY).stream().noneMatch(HttpHeaders.ACCEPT_ENCODING::equalsIgnoreCase)) {
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		String header = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		chain.doFilter((header != null) ? new Preferred(request, preferred(header)) : request, response);
	}

	/** Our codings that the header accepts (q above 0, by name or by {@code *}), in our order. */
	static String preferred(String header) {
		Map<String, Boolean> accepted = new HashMap<>();
		for (String part : StringUtils.tokenizeToStringArray(header.toLowerCase(Locale.ROOT), ",")) {
			String[] coding = StringUtils.tokenizeToStringArray(part, ";");
			if (coding.length > 0) {
				accepted.put(coding[0], coding.length < 2 || !isZero(coding[1]));
			}
		}
		boolean any = accepted.getOrDefault("*", false);
		return String.join(", ",
				CODINGS.stream().filter((coding) -> accepted.getOrDefault(coding, any)).toList());
	}

	private static boolean isZero(String parameter) {
		String value = parameter.replace(" ", "");
		if (!value.startsWith("q=")) {
			return false;
		}
		try {
			return Double.parseDouble(value.substring(2)) <= 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static final class Preferred extends HttpServletRequestWrapper {

		private final String acceptEncoding;

		Preferred(HttpServletRequest request, String acceptEncoding) {
			super(request);
			this.acceptEncoding = acceptEncoding;
		}

		@Override
		public String getHeader(String name) {
			return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? this.acceptEncoding : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
					? Collections.enumeration(List.of(this.acceptEncoding)) : super.getHeaders(name);
		}

	}

}
