package com.starkiller.images.language;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page its {@link LanguageSwitch} as {@code languages}. An error page links to the
 * address that failed, not to {@code /error}.
 */
class LanguageLinks implements HandlerInterceptor {

	static final String MODEL = "languages";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
			return;
		}
		String path = request.getRequestURI();
		String query = request.getQueryString();
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			path = failed;
			query = (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
		}
		view.addObject(MODEL, LanguageSwitch.of(Languages.of(request), path, query));
	}

}
