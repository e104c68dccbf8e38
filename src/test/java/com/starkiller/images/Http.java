package com.starkiller.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A plain HTTP client for the app under test, as a browser or a load test would call it. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	public Http(int port) {
		this.port = port;
	}

	/** GET with headers given as name, value, name, value... */
	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** HEAD with headers given as name, value... */
	public HttpResponse<String> head(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<byte[]> getBytes(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** POST of a form body such as "saved=true", with headers given as name, value... */
	public HttpResponse<String> post(String path, String form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request with a JSON body and any method, with headers given as name, value... */
	public HttpResponse<String> json(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		// A header given here replaces the default of that name, not adds a second line.
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		return send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POST of one file as the multipart field {@code file}, as the write API's uploads are sent. */
	public HttpResponse<String> upload(String path, String contentType, byte[] file, String... headers) {
		String boundary = "Http" + java.util.UUID.randomUUID().toString().replace("-", "");
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"\r\n"
				+ "Content-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
				HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(tail));
		return send(request.POST(body).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A GET written by hand, for headers the JDK's client will not send (such as {@code Host}):
	 * answers the whole response, head and body, as text.
	 */
	public String raw(String path, String... headers) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
		boolean host = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			host |= headers[i].equalsIgnoreCase("Host");
		}
		if (!host) {
			request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			// One char per byte while the chunks are counted; UTF-8 once they are joined.
			String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
			int end = response.indexOf("\r\n\r\n");
			if (end < 0 || !response.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
				return utf8(response);
			}
			StringBuilder body = new StringBuilder();
			int at = end + 4;
			while (at < response.length()) {
				int line = response.indexOf("\r\n", at);
				int size = Integer.parseInt(response.substring(at, line).strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(response, line + 2, Math.min(response.length(), line + 2 + size));
				at = line + 2 + size + 2;
			}
			return utf8(response.substring(0, end + 4) + body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String utf8(String bytes) {
		return new String(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8);
	}

	public int port() {
		return this.port;
	}

	public String origin() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The {@code name=value} pair of the cookie the response set under that name. */
	public static String cookie(HttpResponse<?> response, String name) {
		String set = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
		return set.substring(0, set.indexOf(';'));
	}

	/** The visitor's session cookie that the response set, as a {@code Cookie} header's pair. */
	public static String session(HttpResponse<?> response) {
		return cookie(response, "STARKILLER_SESSION");
	}

	public static Document html(HttpResponse<String> response) {
		return Jsoup.parse(response.body());
	}

	private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return CLIENT.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
