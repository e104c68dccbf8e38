package com.starkiller.images.saved;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.starkiller.images.web.KeptPages;

/**
 * A page rendered to be kept for every visitor holds nothing of the one who asked first, so it is
 * rendered without their session. Thymeleaf looks the session up for every page it renders, and
 * with sessions in Redis each look is a round trip, two with Spring Session's own check at the end.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class SharedPagesSeeNoSession extends OncePerRequestFilter {

	/** A shared page's error page (an index past the end, say) is rendered for everyone too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(KeptPages.shared(request) ? new WithoutSession(request) : request, response);
	}

	/** Reads no session; one asked to be made is made as before (and the page is then not kept). */
	private static final class WithoutSession extends HttpServletRequestWrapper {

		WithoutSession(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			return create ? super.getSession(true) : null;
		}

	}

}
