package com.starkiller.images.page;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.starkiller.images.cache.CacheLookups;
import com.starkiller.images.cache.CacheProperties;
import com.starkiller.images.language.Languages;
import com.starkiller.images.web.KeptPages;

/**
 * Each listing's page rendered once per version without its per-request parts ({@link Shell}), so
 * that a page at another photo or review renders only those parts: a random page is a miss of the
 * kept pages, and most of what it rendered was the same for every index. Only pages served to every
 * visitor ({@link KeptPages#shared}) use a shell, since nothing in it may be a visitor's own. The
 * key carries the listing's version, so a write makes every instance render a new shell.
 */
@Component
class ListingShells {

	private static final String CANONICAL = "canonical";

	static final String ASSEMBLED = "listing/assembled";

	/** One remembered ask per this many bytes of shells: about four asks per shell that fits. */
	private static final long ASKED_PER_BYTE = 5_000;

	/** What each slot renders as in a shell: new on every start, so no listing's text can forge one. */
	private final String marker = "slot" + UUID.randomUUID().toString().replace("-", "");

	/** Null when {@code starkiller.cache.shell-bytes} is 0: every page is rendered in full. */
	private final Cache<String, Shell> shells;

	/**
	 * Shells asked for and not made yet: a shell is made at the second ask, so a listing seen at one
	 * URL only (most of a uniformly random load over many listings) costs no more than a page; and
	 * by one request, while the others asking meanwhile render in full rather than make it too.
	 */
	private final Cache<String, Ask> asked;

	private enum Ask {

		ONCE, MAKING

	}

	private final CacheLookups lookups;

	/** Thymeleaf's views; there are none when the app runs a command (such as {@code seed}) without a web server. */
	private final ObjectProvider<ThymeleafViewResolver> views;

	ListingShells(ObjectProvider<ThymeleafViewResolver> views, CacheProperties properties, MeterRegistry meters) {
		this.views = views;
		this.lookups = CacheLookups.of(meters, CacheLookups.SHELL, "listing-pages");
		long bytes = properties.shellBytes().toBytes();
		this.shells = (bytes > 0) ? Caffeine.newBuilder()
			.maximumWeight(bytes)
			.<String, Shell>weigher((key, shell) -> key.length() + shell.weight())
			.build() : null;
		this.asked = Caffeine.newBuilder().maximumSize(Math.max(1, bytes / ASKED_PER_BYTE)).build();
		if (this.shells != null) {
			meters.gaugeMapSize("starkiller.listing.shells", List.of(), this.shells.asMap());
		}
	}

	/**
	 * The page's canonical address: the language's own ({@code ?lang=}) when the address names one;
	 * else the address that follows the visitor's language (the x-default alternate), itself. A
	 * canonical pointing from one hreflang alternate to another would tell search engines two stories.
	 */
	private static String canonical(ListingPage page, HttpServletRequest request) {
		String named = request.getParameter(Languages.PARAMETER);
		return (named == null) ? page.share().url()
				: page.share().url() + "?" + Languages.PARAMETER + "=" + RequestContextUtils.getLocale(request).getLanguage();
	}

	/** The view that renders {@code page}, from its listing's shell when it may be; the model gets what it needs. */
	String view(ListingPage page, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("page", page);
		model.addAttribute(CANONICAL, canonical(page, request));
		// Without photos a page has no hero, so no priority to fill: it is rendered in full. So is
		// the instance's own warm-up, which leaves the shells, like the kept pages, to visitors.
		if (this.shells == null || !KeptPages.shared(request) || KeptPages.passingThrough(request)
				|| !page.hasPhotos()) {
			return ListingPages.VIEW;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		// The canonical address holds the share URL, and the language when the address names one.
		String key = canonical(page, request) + " " + request.getContextPath() + " v" + page.listing().version() + " "
				+ locale.toLanguageTag();
		Shell shell = this.shells.getIfPresent(key);
		this.lookups.count(shell != null);
		if (shell == null) {
			if (this.asked.asMap().putIfAbsent(key, Ask.ONCE) == null
					|| !this.asked.asMap().replace(key, Ask.ONCE, Ask.MAKING)) {
				return ListingPages.VIEW;
			}
			try {
				shell = render(page, locale, request, response);
				if (shell == null) {
					return ListingPages.VIEW;
				}
				this.shells.put(key, shell);
			}
			finally {
				this.asked.invalidate(key);
			}
		}
		model.addAttribute("shell", shell);
		return ASSEMBLED;
	}

	/** The page rendered with a marker in each slot, as its shell; null if it had not all of them. */
	private Shell render(ListingPage page, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		try {
			View view = this.views.getObject().resolveViewName(ListingPages.VIEW, locale);
			Map<String, Object> model = new HashMap<>();
			model.put("page", page);
			model.put(CANONICAL, canonical(page, request));
			model.put("slot", this.marker);
			ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
			view.render(model, request, capture);
			return Shell.split(new String(capture.getContentAsByteArray(), capture.getCharacterEncoding()),
					this.marker);
		}
		catch (Exception ex) {
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		finally {
			// Thymeleaf leaves the model in request attributes; the marker must not reach the page.
			request.removeAttribute("slot");
		}
	}

}
