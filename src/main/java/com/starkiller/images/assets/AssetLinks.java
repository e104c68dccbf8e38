package com.starkiller.images.assets;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Gives a page's links to assets their content-hashed names, as Spring's
 * {@code ResourceUrlEncodingFilter} does, in its place: that filter matched every link of a page
 * (dozens of {@code /listings/...} and {@code /images/...} links) against each resource pattern
 * and cost about a seventh of the CPU of rendering random pages. Here a link outside the asset
 * prefixes is returned as it is, and an asset's hashed name is looked up once per release.
 * Sessions are tracked by cookie only, so no link carries a session id to add.
 */
class AssetLinks implements Filter {

	/** More distinct asset links than the templates hold means something else asks: don't keep them. */
	private static final int MOST_KEPT = 256;

	private final ResourceUrlProvider urls;

	private final Map<String, Optional<String>> hashed = new ConcurrentHashMap<>();

	private volatile List<String> prefixes;

	AssetLinks(ResourceUrlProvider urls) {
		this.urls = urls;
	}

	/** On every dispatch: an error page is rendered in one of its own, with the unwrapped response. */
	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
			chain.doFilter(request, new Links(answer, http.getContextPath()));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/** The link with the asset's hashed name, or the link itself when it names no asset. */
	String link(String contextPath, String url) {
		if (!url.startsWith(contextPath)) {
			return url;
		}
		int end = endOfPath(url);
		String path = url.substring(contextPath.length(), end);
		if (!isAssetPath(path)) {
			return url;
		}
		Optional<String> name = this.hashed.get(path);
		if (name == null) {
			name = Optional.ofNullable(this.urls.getForLookupPath(path));
			if (this.hashed.size() < MOST_KEPT) {
				this.hashed.put(path, name);
			}
		}
		return name.map((hashedPath) -> contextPath + hashedPath + url.substring(end)).orElse(url);
	}

	private boolean isAssetPath(String path) {
		for (String prefix : prefixes()) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** {@code /assets/} and {@code /webjars/}: the resource handlers' patterns, known once the context is up. */
	private List<String> prefixes() {
		List<String> known = this.prefixes;
		if (known == null) {
			known = this.urls.getHandlerMap().keySet().stream().map(OwnAssets::prefix).filter(Objects::nonNull).toList();
			if (!known.isEmpty()) {
				this.prefixes = known;
			}
		}
		return known;
	}

	private static int endOfPath(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '?' || c == '#') {
				return i;
			}
		}
		return url.length();
	}

	private final class Links extends HttpServletResponseWrapper {

		private final String contextPath;

		Links(HttpServletResponse response, String contextPath) {
			super(response);
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return link(this.contextPath, url);
		}

	}

}
