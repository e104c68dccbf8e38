package com.starkiller.images.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.FilterErrors;
import com.starkiller.images.web.SiteProperties;

/**
 * Answers only to the host names in {@code starkiller.allowed-hosts} (any, when the list is empty),
 * and never to a host that is not a plain DNS name or IP address, whatever a proxy forwarded: a
 * page built for such a host would carry it into its absolute links. The probes stay open to load
 * balancers that call an instance by its address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AllowedHosts extends OncePerRequestFilter {

	private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,252})|\\[[0-9a-f:.]{2,45}\\]|[0-9a-f:.]{2,45}");

	private static final Set<String> PROBES = Set.of("/livez", "/readyz");

	private final Set<String> allowed;

	AllowedHosts(SiteProperties properties) {
		this.allowed = properties.hosts();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return PROBES.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (!HOST.matcher(host).matches() || (!this.allowed.isEmpty() && !this.allowed.contains(host))) {
			FilterErrors.send(request, response, new BadRequest("This site does not answer to that host name."));
			return;
		}
		chain.doFilter(request, response);
	}

}
