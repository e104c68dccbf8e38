package com.starkiller.images.operations;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Response-Time} on every response, as the original's response-time middleware did: the
 * time from the request's arrival until its headers are written, in milliseconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResponseTimeFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Response-Time";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TimedResponse timed = new TimedResponse(response, System.nanoTime());
		chain.doFilter(request, timed);
		timed.stamp();
	}

	/** Writes the header just before anything that commits the response. */
	private static final class TimedResponse extends HttpServletResponseWrapper {

		private final long start;

		private boolean stamped;

		TimedResponse(HttpServletResponse response, long start) {
			super(response);
			this.start = start;
		}

		void stamp() {
			if (!this.stamped && !isCommitted()) {
				this.stamped = true;
				setHeader(HEADER, millis(System.nanoTime() - this.start));
			}
		}

		/** "12.345ms", as response-time wrote it, without a Formatter on every request. */
		static String millis(long nanos) {
			long micros = Math.max(0, nanos / 1_000);
			long fraction = micros % 1_000;
			return (micros / 1_000) + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction + "ms";
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			stamp();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			stamp();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			stamp();
			super.flushBuffer();
		}

		@Override
		public void sendError(int status, String message) throws IOException {
			stamp();
			super.sendError(status, message);
		}

		@Override
		public void sendError(int status) throws IOException {
			stamp();
			super.sendError(status);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			stamp();
			super.sendRedirect(location);
		}

	}

}
