package com.starkiller.images.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A stranger's unread body is not read: when a request without the write token is answered (a
 * refusal, or a page that had no use for a body) with more than 64 KB of its body unread, Tomcat
 * closes the connection instead of reading the rest, which could come a byte at a time and hold a
 * request thread for hours. An authenticated writer's over-large upload (413) is still read to its
 * end, up to {@code server.tomcat.max-swallow-size}, so that client gets the 413 rather than a reset.
 */
@Component
class RefusedBodies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	static final long UNREAD_LIMIT = 64 * 1024;

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addEngineValves(new Valve());
	}

	static final class Valve extends ValveBase {

		Valve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (request.getAttribute(BearerToken.AUTHENTICATED) == null && !request.isAsyncStarted()
					&& unread(request) > UNREAD_LIMIT) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

		private static long unread(Request request) {
			org.apache.coyote.Request coyote = request.getCoyoteRequest();
			long length = coyote.getContentLengthLong();
			if (length < 0) {
				String encoding = coyote.getHeader("Transfer-Encoding");
				return (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) ? Long.MAX_VALUE : 0;
			}
			return length - coyote.getBytesRead();
		}

	}

}
