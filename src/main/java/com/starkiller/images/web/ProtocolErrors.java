package com.starkiller.images.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The answer to a request Tomcat refuses before the application sees it (characters HTTP does not
 * allow in the request target or the Host, an encoded slash or backslash, CONNECT): the same error
 * page or problem details as every other error, in place of Tomcat's own report, which looks
 * nothing like the site and names the server's version. Tomcat makes this the host's error valve.
 */
public class ProtocolErrors extends ErrorReportValve {

	private static final String MALFORMED = "The request is malformed: its address or headers use characters or a form "
			+ "that HTTP does not allow.";

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		// As Tomcat's own valve: only an error that nothing has answered yet, on a connection still open.
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean open = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, open);
		if (!open.get()) {
			return;
		}
		// Tomcat answers CONNECT 501; this server is no proxy, so the method is simply not allowed here.
		if (response.getStatus() == HttpStatus.NOT_IMPLEMENTED.value() && "CONNECT".equals(request.getMethod())) {
			response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
			response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
		}
		HttpStatus status = HttpStatus.resolve(response.getStatus());
		if (status == null) {
			status = HttpStatus.BAD_REQUEST;
			response.setStatus(status.value());
		}
		String detail = (status == HttpStatus.BAD_REQUEST) ? MALFORMED : "There is nothing to show at this address.";
		boolean json = wantsJson(request);
		try {
			// Bytes, not a writer, so that problem details go out without a charset, as everywhere else.
			response.setContentType(json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : "text/html;charset=utf-8");
			response.getOutputStream()
				.write((json ? problem(status, detail) : page(status, detail)).getBytes(StandardCharsets.UTF_8));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone; there is no one to tell.
		}
	}

	private static boolean wantsJson(Request request) {
		String path = request.getRequestURI();
		String accept = request.getHeader("Accept");
		return (path != null && ApiPaths.matches(path)) || (accept != null && accept.contains("json"));
	}

	private static String problem(HttpStatus status, String detail) {
		return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail + "\"}";
	}

	// The site's error page (templates/error/page.html in the layout), which needs no request to render.
	private static String page(HttpStatus status, String detail) {
		String heading = status.value() + ": " + status.getReasonPhrase();
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>%s · Starkiller</title>
				  <link rel="stylesheet" href="/assets/site.css">
				</head>
				<body>
				  <header class="site-header"><a class="brand" href="/">Starkiller</a></header>
				  <main id="main">
				    <section class="error" aria-labelledby="error-title">
				      <h1 id="error-title">%s</h1>
				      <p class="detail">%s</p>
				      <p><a href="/">Back to the listings</a></p>
				    </section>
				  </main>
				</body>
				</html>
				""".formatted(status.value() + " " + status.getReasonPhrase(), heading, detail);
	}

}
