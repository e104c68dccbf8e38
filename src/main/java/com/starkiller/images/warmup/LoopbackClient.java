package com.starkiller.images.warmup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.starkiller.images.web.SiteProperties;

/**
 * HTTP/1.1 to this instance's own public port. The JDK's client takes {@code Host} from the URL and
 * lets no one set it, so the instance itself is named as the proxy: the request line carries the
 * site's host name (one of the allowed hosts, when the site answers only to those) while the
 * connection goes to the local port. It keeps no cookies, so no request brings a session.
 */
final class LoopbackClient {

	private static final Duration CONNECT = Duration.ofSeconds(2);

	private final HttpClient client;

	private final String base;

	/**
	 * To the public port at {@code server.address} (loopback when that is unset or any address), as
	 * the first allowed host or, with none configured, as {@code 127.0.0.1}.
	 */
	static LoopbackClient to(WebServerApplicationContext context, SiteProperties site) {
		String address = context.getEnvironment().getProperty("server.address", "");
		String host = site.hosts().stream().sorted().findFirst().orElse("127.0.0.1");
		return new LoopbackClient(bound(address), context.getWebServer().getPort(), host);
	}

	private static InetAddress bound(String address) {
		try {
			InetAddress bound = InetAddress.getByName(address.isEmpty() ? null : address);
			return bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
		}
		catch (UnknownHostException ex) {
			return InetAddress.getLoopbackAddress();
		}
	}

	private LoopbackClient(InetAddress address, int port, String host) {
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.proxy(ProxySelector.of(new InetSocketAddress(address, port)))
			.connectTimeout(CONNECT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.base = "http://" + host + ":" + port;
	}

	/** The answer's status; the body is read and dropped. */
	int get(Visit visit, String requestId, String token, Duration timeout) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + visit.target()))
			.timeout(timeout)
			.header("X-Request-Id", requestId)
			.header(WarmupTraffic.HEADER, token)
			.headers(visit.form().headers())
			.GET()
			.build();
		return this.client.send(request, BodyHandlers.discarding()).statusCode();
	}

}
