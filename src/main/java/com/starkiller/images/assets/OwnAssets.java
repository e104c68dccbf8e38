package com.starkiller.images.assets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * This instance's own assets, as its resource chain serves them: every file of the static
 * locations (under {@code /assets/}) and the WebJar files pages name (htmx), each under the hashed
 * path pages name it by.
 */
class OwnAssets {

	/** The WebJar files our pages name (fragments/layout.html, embed/widget.html); not every WebJar. */
	private static final List<String> PAGE_WEBJARS = List.of("htmx.org/dist/htmx.min.js");

	private static final Logger log = LoggerFactory.getLogger(OwnAssets.class);

	private final ResourceUrlProvider urls;

	private final ResourcePatternResolver files;

	private final ServletContext servletContext;

	private final List<String> staticLocations;

	private final String staticPattern;

	private final String webjarsPattern;

	OwnAssets(ResourceUrlProvider urls, ResourcePatternResolver files, ServletContext servletContext,
			List<String> staticLocations, String staticPattern, String webjarsPattern) {
		this.urls = urls;
		this.files = files;
		this.servletContext = servletContext;
		this.staticLocations = staticLocations;
		this.staticPattern = staticPattern;
		this.webjarsPattern = webjarsPattern;
	}

	/** The URL prefixes assets are served under ({@code /assets/}, {@code /webjars/}). */
	List<String> prefixes() {
		return Stream.of(this.staticPattern, this.webjarsPattern).map(OwnAssets::prefix).filter(Objects::nonNull).toList();
	}

	/** Whether the path is under one of those prefixes. */
	boolean isAssetPath(String path) {
		return handler(path) != null;
	}

	/** The {@code Cache-Control} this instance serves its own assets under the path's prefix with. */
	@Nullable String cacheControl(String path) {
		AssetHandler handler = handler(path);
		return (handler != null) ? handler.cacheControl() : null;
	}

	/** Each asset under its hashed path; one the chain rewrites per request is left out. */
	List<Asset> list() {
		Set<String> paths = new LinkedHashSet<>();
		String assets = prefix(this.staticPattern);
		String webjars = prefix(this.webjarsPattern);
		if (assets != null) {
			// The handler answers a name from the first location that has it: one name, one asset.
			this.staticLocations.forEach((location) -> files(location).forEach((file) -> paths.add(assets + file)));
		}
		if (webjars != null) {
			PAGE_WEBJARS.forEach((file) -> paths.add(webjars + file));
		}
		List<Asset> own = new ArrayList<>();
		for (String path : paths) {
			Asset asset = asset(path);
			if (asset != null) {
				own.add(asset);
			}
		}
		return own;
	}

	private @Nullable Asset asset(String path) {
		String hashed = this.urls.getForLookupPath(path);
		AssetHandler handler = handler(path);
		if (hashed == null || hashed.equals(path) || handler == null || !hashed.startsWith(handler.prefix())) {
			return null;
		}
		try {
			return handler.asset(hashed);
		}
		catch (IOException ex) {
			log.warn("{} is not archived: {}", hashed, ex.toString());
			return null;
		}
	}

	/** The relative names of a static location's files; WebJars are left to their own handler. */
	private List<String> files(String location) {
		String root = location.endsWith("/") ? location : location + "/";
		try {
			String rootUrl = this.files.getResource(root).getURL().toString();
			List<String> names = new ArrayList<>();
			for (Resource file : this.files.getResources(root + "**")) {
				String url = file.getURL().toString();
				if (file.isReadable() && url.startsWith(rootUrl) && !url.endsWith("/")
						&& !url.startsWith(rootUrl + "webjars/") && !precompressed(url)) {
					names.add(url.substring(rootUrl.length()));
				}
			}
			return names;
		}
		catch (IOException ex) {
			// A location that does not exist (classpath:/public/, by default) has no files.
			return List.of();
		}
	}

	/**
	 * A .br or .gz written beside a file at build time: served in place of that file, never under
	 * a hashed name of its own, so not archived (another release's assets come back uncompressed).
	 */
	private static boolean precompressed(String url) {
		return url.endsWith(".br") || url.endsWith(".gz");
	}

	private @Nullable AssetHandler handler(String path) {
		for (String pattern : List.of(this.staticPattern, this.webjarsPattern)) {
			String prefix = prefix(pattern);
			ResourceHttpRequestHandler handler = this.urls.getHandlerMap().get(pattern);
			if (prefix != null && handler != null && path.startsWith(prefix)) {
				return new AssetHandler(prefix, handler, this.servletContext);
			}
		}
		return null;
	}

	/** {@code /assets/} for {@code /assets/**}; a pattern of another shape is not archived. */
	static @Nullable String prefix(String pattern) {
		return (pattern.endsWith("/**") && pattern.length() > 3) ? pattern.substring(0, pattern.length() - 2) : null;
	}

}
