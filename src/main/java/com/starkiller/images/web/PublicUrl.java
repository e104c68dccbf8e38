package com.starkiller.images.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The site's base URL for absolute links: {@code starkiller.public-url} when it is set, otherwise
 * the request's scheme, host and port, as Tomcat read them (it believes forwarded headers only from
 * the proxies in {@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
public class PublicUrl {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1",
			"[0:0:0:0:0:0:0:1]", "0:0:0:0:0:0:0:1");

	private final String configured;

	private final String configuredOrigin;

	private final Set<String> allowedHosts;

	PublicUrl(SiteProperties properties) {
		this.allowedHosts = properties.hosts();
		URI url = properties.isPublicUrlSet() ? properties.publicUrl() : null;
		this.configured = (url != null) ? withoutTrailingSlash(url.toString()) : null;
		this.configuredOrigin = (url != null) ? origin(url.getScheme(), url.getHost(), url.getPort()) : null;
	}

	/** The configured public URL, without a trailing slash; null when links follow the request. */
	public String configured() {
		return this.configured;
	}

	/** True when absolute URLs never depend on the request. */
	public boolean isConfigured() {
		return this.configured != null;
	}

	/** The base of the request being handled, such as {@code https://photos.example.com}. */
	public String base() {
		return base(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
	}

	public String base(HttpServletRequest request) {
		return (this.configured != null) ? this.configured : requestOrigin(request);
	}

	/**
	 * The base a kept page may be keyed by: the configured public URL, or else the request's own
	 * when the site vouches for its host (one of the allowed hosts, or with none configured a
	 * loopback name, for local use) on its usual port; otherwise null, and the page is not kept, so
	 * made-up {@code Host} headers cannot fill the kept pages with copies.
	 */
	public String keptBase(HttpServletRequest request) {
		if (this.configured != null) {
			return this.configured;
		}
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		boolean vouched = this.allowedHosts.isEmpty() ? LOOPBACK.contains(host) : this.allowedHosts.contains(host);
		int port = request.getServerPort();
		boolean usualPort = port == request.getLocalPort() || port == 80 || port == 443;
		return (vouched && usualPort) ? requestOrigin(request) : null;
	}

	/** The origin of the base ({@code scheme://host[:port]}, no path), as browsers send it in {@code Origin}. */
	public String origin(HttpServletRequest request) {
		return (this.configuredOrigin != null) ? this.configuredOrigin : requestOrigin(request);
	}

	/** The request's own origin, with the default port left out. */
	public static String requestOrigin(HttpServletRequest request) {
		return origin(request.getScheme(), request.getServerName(), request.getServerPort());
	}

	/** {@code scheme://host[:port]} in lower case, with the scheme's default port left out, as browsers write it. */
	public static String origin(String scheme, String host, int port) {
		scheme = scheme.toLowerCase(Locale.ROOT);
		host = host.toLowerCase(Locale.ROOT);
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
