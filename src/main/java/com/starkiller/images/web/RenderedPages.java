package com.starkiller.images.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.starkiller.images.cache.CacheLookups;
import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.language.Languages;

/**
 * Rendered pages, fragments and JSON answers of a listing, kept in memory (bounded in bytes) and
 * served without templating. The key carries the listing's current version (one lookup, answered
 * by the near cache when hot), so a write anywhere makes every instance render afresh: nothing
 * here needs invalidating. The same answer goes to every visitor, with a session or without: a
 * page rendered to be kept holds no visitor's Save state ({@link KeptPages#shared}). Each answer has a strong ETag; a match gets 304; clients that accept gzip get the form
 * compressed once, for the first of them. It runs before the session and security filters, so a
 * page served from memory costs no session or security work; the headers that the rest of the
 * chain gave the first answer are replayed. The request observation runs before it (with only
 * {@link DatabaseOutages} between), so a kept answer is counted under its route like a rendered one
 * ({@link KeptPages}). The instance's
 * own warm-up is rendered like any miss but never kept ({@link KeptPages#passThrough}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RenderedPages extends OncePerRequestFilter {

	/** Headers of the first answer that are not replayed: set per answer, or by this filter. */
	private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-type", "date", "etag",
			"cache-control", "x-response-time", "transfer-encoding", "connection", "keep-alive", "set-cookie");

	/** The kept routes: /listings/{id}, /listings/{id}/photos, /images/{id}, /reviews/{id}, /embed/listings/{id}. */
	private static final Pattern ROUTE = Pattern
		.compile("/(listings|images|reviews|embed/listings)/(\\d{1,18})(/photos)?");

	/** An id as written by us: a visitor's leading zeros would end up in the page's own links. */
	private static final Pattern CANONICAL_ID = Pattern.compile("0|[1-9]\\d*");

	/** A kept path's id, which its route names {@code {id}}. */
	private static final Pattern ID = Pattern.compile("/\\d{1,18}");

	// text/html first, with no parameters (so at quality 1), then the next type or the end.
	private static final Pattern HTML_FIRST = Pattern.compile("text/html\\s*(,|$)");

	private static final String INDEX = "(index=[1-9]\\d{0,8}|reviews=[01])";

	private static final String LANGUAGE = "lang=(" + String.join("|", Languages.TAGS) + ")";

	/** The queries kept: none, an index (or the widget's reviews switch), a language, or both. */
	private static final Pattern QUERY = Pattern.compile(
			"(" + INDEX + "(&" + LANGUAGE + ")?|" + LANGUAGE + "(&" + INDEX + ")?)?");

	private final ListingVersions versions;

	private final Cache<String, RenderedPage> rendered;

	private final CacheLookups lookups;

	private final PublicUrl publicUrl;

	RenderedPages(ListingVersions versions, PublicUrl publicUrl, CacheProperties properties, MeterRegistry meters) {
		this.versions = versions;
		this.publicUrl = publicUrl;
		this.lookups = CacheLookups.of(meters, CacheLookups.KEPT, "pages");
		this.rendered = Caffeine.newBuilder()
			.maximumWeight(properties.renderedBytes().toBytes())
			.<String, RenderedPage>weigher((key, page) -> key.length() + page.weight())
			.build();
		meters.gaugeMapSize("starkiller.rendered.pages", List.of(), this.rendered.asMap());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// The route itself is matched once, in key().
		return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		RenderedPage page = this.rendered.getIfPresent(key);
		boolean passing = KeptPages.passingThrough(request);
		if (!passing) {
			this.lookups.count(page != null);
		}
		boolean head = "HEAD".equals(request.getMethod());
		if (page == null) {
			// A HEAD is rendered as the GET it stands for, so that it says what the GET would (ETag,
			// Cache-Control, Content-Length, the shared page) and the page is kept: rendered as a HEAD,
			// the servlet would send the view no body to keep. Tomcat sends none for a HEAD.
			render(key, !passing, head ? new AsGet(request) : request, response, chain);
			return;
		}
		// The route as its controller maps it: the kept paths' only digits are the id.
		KeptPages.answer(request, ID.matcher(request.getRequestURI()).replaceFirst("/{id}"));
		boolean acceptsGzip = acceptsGzip(request);
		if (acceptsGzip && !page.compressed()) {
			// Kept again with its gzip form, weighed anew; whoever comes meanwhile compresses too.
			RenderedPage compressed = page.compress();
			this.rendered.asMap().replace(key, page, compressed);
			page = compressed;
		}
		boolean gzip = acceptsGzip && page.sentGzipped();
		String etag = gzip ? page.gzipEtag() : page.etag();
		page.headers().forEach((header) -> response.addHeader(header[0], header[1]));
		response.setHeader("ETag", etag);
		response.setHeader("Cache-Control", "no-cache");
		if (matches(request.getHeader("If-None-Match"), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = gzip ? page.gzipped() : page.body();
		if (gzip) {
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentType(page.contentType());
		response.setContentLength(body.length);
		// HEAD: the headers GET would send, Content-Length included, and no body.
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	/** Renders through the whole chain, and keeps the answer when nothing in it is the visitor's. */
	private void render(String key, boolean keep, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		// Headers the filters before this one set, they set on every answer, kept or not.
		Set<String> setBefore = new HashSet<>(response.getHeaderNames());
		KeptPages.share(request);
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		if (keep && capture.getStatus() == 200 && !capture.containsHeader("Set-Cookie") && asChosen(key, capture)) {
			List<String[]> headers = new ArrayList<>();
			// Tomcat names a header once per value; each name is taken once, with all its values.
			for (String name : new LinkedHashSet<>(capture.getHeaderNames())) {
				if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT)) && !setBefore.contains(name)) {
					capture.getHeaders(name).forEach((value) -> headers.add(new String[] { name, value }));
				}
			}
			// Tomcat keeps the language a view set (response.setLocale) apart from the headers, so
			// it is named here: a page from memory says its language as the first answer did.
			if (capture.getContentType() != null && capture.getContentType().startsWith("text/html")
					&& !capture.containsHeader("Content-Language")) {
				headers.add(new String[] { "Content-Language", capture.getLocale().toLanguageTag() });
			}
			// The kept answer is also sent gzipped, so caches must tell the two forms apart.
			headers.add(new String[] { "Vary", "Accept-Encoding" });
			response.addHeader("Vary", "Accept-Encoding");
			RenderedPage page = RenderedPage.of(capture.getContentAsByteArray(), capture.getContentType(), headers);
			this.rendered.put(key, page);
			response.setHeader("ETag", page.etag());
			response.setHeader("Cache-Control", "no-cache");
		}
		capture.copyBodyToResponse();
	}

	/**
	 * Whether the answer is in the form its key names: JSON for an Accept of exactly JSON, HTML for
	 * the others. A route that has only HTML answers it to a JSON Accept too; kept under the JSON
	 * key (which carries no language) it would reach every JSON client in the first one's language.
	 */
	private static boolean asChosen(String key, HttpServletResponse response) {
		String type = (response.getContentType() != null) ? response.getContentType() : "";
		return key.endsWith(" json") ? type.startsWith("application/json") : type.startsWith("text/html");
	}

	/**
	 * Whether {@code If-None-Match} names the entity tag of the form being sent (or is {@code *}):
	 * the gzip form's tag does not match the identity form, nor the other way round.
	 */
	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String candidate = tag.strip();
			if (candidate.startsWith("W/")) {
				candidate = candidate.substring(2);
			}
			if (candidate.equals("*") || candidate.equals(etag)) {
				return true;
			}
		}
		return false;
	}

	/** What the answer depends on, or null when this request is not one we keep. */
	private String key(HttpServletRequest request) {
		String query = (request.getQueryString() != null) ? request.getQueryString() : "";
		Matcher route = ROUTE.matcher(request.getRequestURI());
		if (!QUERY.matcher(query).matches() || !route.matches()
				|| (route.group(3) != null && !route.group(1).equals("listings"))) {
			return null;
		}
		// One Accept line: Spring MVC negotiates on all of them, so a second line could have the
		// answer kept under the key of a form it is not.
		if (!CANONICAL_ID.matcher(route.group(2)).matches() || moreThanOne(request, "Accept")) {
			return null;
		}
		String representation = representation(request.getHeader("Accept"));
		String base = this.publicUrl.keptBase(request);
		if (representation == null || base == null) {
			return null;
		}
		OptionalLong version = this.versions.current(Long.parseLong(route.group(2)));
		if (version.isEmpty()) {
			return null;
		}
		// As the handlers choose (any HX-Request value is htmx); a history restore is never kept.
		boolean fragment = request.getHeader("HX-Request") != null;
		if (request.getHeader("HX-History-Restore-Request") != null) {
			return null;
		}
		// Everything the answer varies on, each reduced to the few forms that exist: the site's base
		// (absolute links: the configured public URL, or a host the site vouches for), htmx or not,
		// which representation the Accept header chooses and, but for JSON, the language (one of
		// five, whatever the visitor's Accept-Language).
		String tour = (route.group(3) != null) ? route.group(3) : "";
		String language = representation.equals("json") ? "" : " " + Languages.of(request);
		return (fragment ? "fragment " : "page ") + base + "/" + route.group(1) + "/" + Long.parseLong(route.group(2))
				+ tour + "?" + query + " v"
				+ version.getAsLong() + " " + representation + language;
	}

	/**
	 * The representation an {@code Accept} header chooses, from the three that visitors send: none or
	 * any ({@code "any"}), exactly JSON ({@code "json"}), or a browser's, led by {@code text/html} at
	 * full quality and not naming JSON ({@code "html"}). Any other header is answered afresh, so no
	 * visitor's header can make the kept answers grow or be served to someone who asked differently.
	 */
	static String representation(String accept) {
		if (accept == null) {
			return "any";
		}
		String value = accept.strip().toLowerCase(Locale.ROOT);
		if (value.isEmpty() || value.equals("*/*")) {
			return "any";
		}
		if (value.equals("application/json")) {
			return "json";
		}
		if (value.length() <= 512 && HTML_FIRST.matcher(value).lookingAt() && !value.contains("json")
				&& !value.contains("application/*")) {
			return "html";
		}
		return null;
	}

	private static boolean moreThanOne(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		values.nextElement();
		return values.hasMoreElements();
	}

	/** Whether {@code Accept-Encoding} accepts gzip: by name or by {@code *}, at a quality above 0. */
	private static boolean acceptsGzip(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders("Accept-Encoding");
		Boolean gzip = null;
		boolean any = false;
		while (headers != null && headers.hasMoreElements()) {
			for (String part : headers.nextElement().toLowerCase(Locale.ROOT).split(",")) {
				String[] coding = part.split(";");
				if (coding.length == 0) {
					// Nothing but a ";" ("".split gives one empty name, which matches nothing).
					continue;
				}
				String name = coding[0].strip();
				boolean accepted = coding.length < 2 || !isZeroQuality(coding[1]);
				if (name.equals("gzip")) {
					gzip = accepted;
				}
				else if (name.equals("*")) {
					any = accepted;
				}
			}
		}
		return (gzip != null) ? gzip : any;
	}

	private static boolean isZeroQuality(String parameter) {
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

	/** A HEAD seen by the rest of the chain as its GET. */
	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

	}

}
