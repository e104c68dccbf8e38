package com.starkiller.images.assets;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Another release's assets: when the resource chain has no file for a hashed asset path (it
 * answers 404), the archive's copy is served instead, with the {@code Cache-Control} of this
 * instance's own assets and the {@code ETag} its release served it with. Own assets pass through
 * untouched, and nothing outside the asset prefixes is answered from the archive. Registered last
 * among the filters, so every check before it has run.
 */
class ArchivedAssets extends OncePerRequestFilter {

	// A content-hashed name: the content strategy puts "-<md5 hex>" before the extension.
	private static final Pattern HASHED = Pattern.compile("(/[\\w.-]+)+-[0-9a-f]{32}\\.\\w+");

	private static final Logger log = LoggerFactory.getLogger(ArchivedAssets.class);

	private final OwnAssets own;

	private final AssetArchive archive;

	ArchivedAssets(OwnAssets own, AssetArchive archive) {
		this.own = own;
		this.archive = archive;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		NotFound notFound = new NotFound(response);
		chain.doFilter(request, notFound);
		if (!notFound.caught) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Asset asset = (this.own.isAssetPath(path) && HASHED.matcher(path).matches()) ? archived(path) : null;
		if (asset == null) {
			notFound.send();
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		String cacheControl = this.own.cacheControl(path);
		if (cacheControl != null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		}
		if (asset.etag() != null && new ServletWebRequest(request, response).checkNotModified(asset.etag())) {
			return;
		}
		if (asset.contentType() != null) {
			response.setContentType(asset.contentType());
		}
		response.setContentLength(asset.bytes().length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(asset.bytes());
		}
	}

	private @Nullable Asset archived(String path) {
		try {
			return this.archive.find(path);
		}
		catch (RuntimeException ex) {
			log.warn("The asset archive did not answer for {}: {}", path, ex.toString());
			return null;
		}
	}

	/** Holds back the chain's 404, so the archive can answer in its place; other answers pass. */
	private static final class NotFound extends HttpServletResponseWrapper {

		private boolean caught;

		private @Nullable String message;

		NotFound(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, @Nullable String message) throws IOException {
			if (status == HttpServletResponse.SC_NOT_FOUND && !isCommitted()) {
				this.caught = true;
				this.message = message;
			}
			else if (message != null) {
				super.sendError(status, message);
			}
			else {
				super.sendError(status);
			}
		}

		/** The 404 the chain gave, as it gave it: the error page follows. */
		void send() throws IOException {
			if (this.message != null) {
				super.sendError(HttpServletResponse.SC_NOT_FOUND, this.message);
			}
			else {
				super.sendError(HttpServletResponse.SC_NOT_FOUND);
			}
		}

	}

}
