package com.starkiller.images.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceTransformer;

/**
 * One of Spring's resource handlers ({@code /assets/**} or {@code /webjars/**}) and its URL
 * prefix: what it answers for a hashed path, read through its own resolvers and settings.
 */
record AssetHandler(String prefix, ResourceHttpRequestHandler handler, ServletContext servletContext) {

	private static final Logger log = LoggerFactory.getLogger(AssetHandler.class);

	/**
	 * The asset as this handler serves it, or null where it has no such file or where a
	 * transformer would change the bytes.
	 */
	@Nullable Asset asset(String hashed) throws IOException {
		// Resolving takes no request (only serving does), so the handler's resolvers answer here as there.
		Resource resource = new Resolvers(this.handler.getResourceResolvers(), 0)
			.resolveResource(null, hashed.substring(this.prefix.length()), this.handler.getLocations());
		if (resource == null) {
			return null;
		}
		byte[] bytes = resource.getContentAsByteArray();
		if (rewritten(resource, bytes)) {
			log.warn("{} is not archived: the resource chain rewrites it per request", hashed);
			return null;
		}
		String etag = (resource instanceof HttpResource http) ? http.getResponseHeaders().getETag() : null;
		MediaType type = mediaType(resource.getFilename());
		return new Asset(hashed, bytes, (type != null) ? type.toString() : null, etag);
	}

	/** The {@code Cache-Control} of this handler's answers, if it sets one. */
	@Nullable String cacheControl() {
		CacheControl cacheControl = (this.handler.getCacheControl() != null) ? this.handler.getCacheControl()
				: (this.handler.getCacheSeconds() > 0) ? CacheControl.maxAge(Duration.ofSeconds(this.handler.getCacheSeconds()))
						: CacheControl.empty();
		return cacheControl.getHeaderValue();
	}

	/**
	 * Whether a transformer changes the bytes served. Spring adds one that rewrites the
	 * {@code url()} and {@code @import} links of CSS files to hashed names whenever a version
	 * strategy is on: what it serves depends on the request and on other files' hashes, not on
	 * this file's, so such a file is not archived (site.css has no links). Caching changes
	 * nothing; any other transformer is not known, so its files are not archived either.
	 */
	private boolean rewritten(Resource resource, byte[] bytes) {
		for (ResourceTransformer transformer : this.handler.getResourceTransformers()) {
			if (transformer instanceof CssLinkResourceTransformer) {
				String content = new String(bytes, StandardCharsets.UTF_8);
				if ("css".equals(StringUtils.getFilenameExtension(resource.getFilename()))
						&& (content.contains("url(") || content.contains("@import"))) {
					return true;
				}
			}
			else if (!(transformer instanceof CachingResourceTransformer)) {
				return true;
			}
		}
		return false;
	}

	/** As {@link ResourceHttpRequestHandler} chooses it: the container's type, then the handler's, then Spring's. */
	private @Nullable MediaType mediaType(@Nullable String filename) {
		String mimeType = this.servletContext.getMimeType(filename);
		MediaType type = StringUtils.hasText(mimeType) ? MediaType.parseMediaType(mimeType) : null;
		if (type == null || MediaType.APPLICATION_OCTET_STREAM.equals(type)) {
			String extension = StringUtils.getFilenameExtension(filename);
			MediaType configured = (extension != null)
					? this.handler.getMediaTypes().get(extension.toLowerCase(Locale.ENGLISH)) : null;
			MediaType known = (configured != null) ? configured : MediaTypeFactory.getMediaType(filename).orElse(null);
			type = (known != null) ? known : type;
		}
		return type;
	}

	/** A resolver chain over a handler's resolvers, run in order as the handler's own chain runs them. */
	private record Resolvers(List<ResourceResolver> resolvers, int next) implements ResourceResolverChain {

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String path,
				List<? extends Resource> locations) {
			return (this.next < this.resolvers.size()) ? this.resolvers.get(this.next)
				.resolveResource(request, path, locations, new Resolvers(this.resolvers, this.next + 1)) : null;
		}

		@Override
		public @Nullable String resolveUrlPath(String path, List<? extends Resource> locations) {
			return (this.next < this.resolvers.size()) ? this.resolvers.get(this.next)
				.resolveUrlPath(path, locations, new Resolvers(this.resolvers, this.next + 1)) : null;
		}

	}

}
