package com.starkiller.images.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Tells whoever observes requests that one was answered from the kept pages ({@link RenderedPages})
 * rather than rendered: such an answer never reaches Spring MVC, which would name its route.
 */
public final class KeptPages {

	/** The Cache-Control of an answer that may show what is this visitor's own: never kept by a shared cache. */
	public static final String VISITORS_OWN = "private, no-cache";

	private static final String ANSWERED = KeptPages.class.getName() + ".answered";

	private static final String SHARED = KeptPages.class.getName() + ".shared";

	private static final String PASSING = KeptPages.class.getName() + ".passing";

	private KeptPages() {
	}

	/** Whether this request was answered from memory, without rendering. */
	public static boolean answered(HttpServletRequest request) {
		return request.getAttribute(ANSWERED) != null;
	}

	/**
	 * Whether this request's answer will be kept and served to every visitor, so it must hold
	 * nothing of this visitor's (their Save state is asked for by the page's script).
	 */
	public static boolean shared(HttpServletRequest request) {
		return request.getAttribute(SHARED) != null;
	}

	static void share(HttpServletRequest request) {
		request.setAttribute(SHARED, Boolean.TRUE);
	}

	/**
	 * Marks a request whose answer is rendered as usual but neither kept nor counted as a kept-page
	 * lookup: the instance's own warm-up, which must leave the kept pages to what visitors ask for.
	 */
	public static void passThrough(HttpServletRequest request) {
		request.setAttribute(PASSING, Boolean.TRUE);
	}

	/** Whether this request is the instance's own warm-up ({@link #passThrough}). */
	public static boolean passingThrough(HttpServletRequest request) {
		return request.getAttribute(PASSING) != null;
	}

	/** Marks it so, and names its route for the request's observation as Spring MVC would. */
	static void answer(HttpServletRequest request, String route) {
		request.setAttribute(ANSWERED, Boolean.TRUE);
		ServerHttpObservationFilter.findObservationContext(request).ifPresent((context) -> context.setPathPattern(route));
	}

}
