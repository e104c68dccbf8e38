package com.starkiller.images.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer carries, set before anything else runs (kept pages, errors, media and
 * assets included): a Content-Security-Policy that allows only our own scripts and styles and no
 * inline code, who may frame what (only {@code /embed/**}, by the configured origins; every other
 * page only by the site itself), no MIME sniffing, a referrer that leaves the site as its origin
 * only, the browser features the site never uses turned off, and HSTS on secure requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

	private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; ";

	// Swagger UI's bundle injects <style> elements while it renders (seen in ApiDocsBrowserTest):
	// only its own pages allow inline styles, and still no inline script.
	private static final String API_DOCS_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
			+ "frame-ancestors 'self'";

	private static final String PAGE_POLICY = POLICY + "frame-ancestors 'self'";

	// Fullscreen (the widget's lightbox) and the clipboard (Share's Copy) stay allowed.
	private static final String PERMISSIONS = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
			+ "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
			+ "browsing-topics=()";

	private final String embedPolicy;

	SecurityHeaders(SecurityProperties properties) {
		this.embedPolicy = POLICY + "frame-ancestors " + properties.embed().frameAncestors();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		if (path.startsWith("/embed/")) {
			response.setHeader("Content-Security-Policy", this.embedPolicy);
		}
		else {
			response.setHeader("Content-Security-Policy", isApiDocs(path) ? API_DOCS_POLICY : PAGE_POLICY);
			response.setHeader("X-Frame-Options", "SAMEORIGIN");
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS);
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000");
		}
		chain.doFilter(request, response);
	}

	private static boolean isApiDocs(String path) {
		return path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
	}

}
