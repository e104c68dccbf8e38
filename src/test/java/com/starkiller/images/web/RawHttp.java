package com.starkiller.images.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 over a plain socket, one connection per request: it sends exactly the bytes it is
 * given, so a fuzz test can send what {@code java.net.http} refuses to (raw characters in the
 * request target, CR/LF in values, any Host, any method, broken framing of a body).
 */
final class RawHttp {

	private static final byte[] CRLF = { '\r', '\n' };

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** A request as it goes on the wire; {@code Connection: close} and Content-Length are added. */
	record Request(String method, String target, List<String[]> headers, byte[] body, String label) {

		Request {
			headers = List.copyOf(headers);
		}

		boolean isWrite() {
			return !List.of("GET", "HEAD", "OPTIONS").contains(this.method);
		}

		String header(String name) {
			return this.headers.stream().filter((header) -> header[0].equalsIgnoreCase(name)).map((header) -> header[1])
				.findFirst().orElse(null);
		}

		/** The request as a reader can paste it into a terminal, with long values shortened. */
		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("[" + this.label + "] " + this.method + " " + shorten(this.target));
			this.headers.forEach((header) -> text.append(" | ").append(header[0]).append(": ").append(shorten(header[1])));
			if (this.body != null) {
				text.append(" | body (").append(this.body.length).append(" bytes): ")
					.append(shorten(new String(this.body, StandardCharsets.ISO_8859_1)));
			}
			return text.toString().replace("\r", "\\r").replace("\n", "\\n");
		}

		private static String shorten(String value) {
			return (value.length() <= 160) ? value : value.substring(0, 150) + "…(" + value.length() + " chars)";
		}

	}

	/** An answer: status, headers in order, and the body (de-chunked and gunzipped). */
	record Answer(int status, List<String[]> headers, byte[] body) {

		Optional<String> header(String name) {
			return this.headers.stream().filter((header) -> header[0].equalsIgnoreCase(name)).map((header) -> header[1])
				.findFirst();
		}

		List<String> headers(String name) {
			return this.headers.stream().filter((header) -> header[0].equalsIgnoreCase(name)).map((header) -> header[1])
				.toList();
		}

		String contentType() {
			return header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	Answer send(Request request) {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		line(wire, request.method() + " " + request.target() + " HTTP/1.1");
		boolean hasHost = request.headers().stream().anyMatch((header) -> header[0].equalsIgnoreCase("Host"));
		if (!hasHost) {
			line(wire, "Host: 127.0.0.1:" + this.port);
		}
		for (String[] header : request.headers()) {
			line(wire, header[0] + ": " + header[1]);
		}
		line(wire, "Connection: close");
		if (request.body() != null) {
			line(wire, "Content-Length: " + request.body().length);
		}
		wire.writeBytes(CRLF);
		if (request.body() != null) {
			wire.writeBytes(request.body());
		}
		return exchange(wire.toByteArray());
	}

	/** Sends bytes as they are (for framing that {@link #send} would not produce) and reads the answer. */
	Answer exchange(byte[] bytes) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(bytes);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer parse(byte[] raw) throws IOException {
		if (!new String(raw, 0, Math.min(raw.length, 5), StandardCharsets.ISO_8859_1).equals("HTTP/")) {
			// A request line without a version is HTTP/0.9, and so is the answer: the body alone.
			return new Answer(0, List.of(), raw);
		}
		int end = indexOf(raw, new byte[] { '\r', '\n', '\r', '\n' });
		if (end < 0) {
			throw new IOException("No complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
		List<String[]> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(new String[] { lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip() });
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		Answer answer = new Answer(status, headers, body);
		if (answer.header("Transfer-Encoding").filter((coding) -> coding.equalsIgnoreCase("chunked")).isPresent()) {
			body = dechunk(body);
		}
		if (answer.header("Content-Encoding").filter((coding) -> coding.equalsIgnoreCase("gzip")).isPresent()) {
			try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
				body = gzip.readAllBytes();
			}
		}
		return new Answer(status, headers, body);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, CRLF, at);
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, length);
			at = lineEnd + 2 + length + 2;
		}
		return body.toByteArray();
	}

	private static void line(ByteArrayOutputStream wire, String line) {
		// Characters above U+00FF go out as UTF-8, as a client that does not encode them would send them.
		wire.writeBytes(line.getBytes(line.chars().allMatch((c) -> c < 0x100) ? StandardCharsets.ISO_8859_1
				: StandardCharsets.UTF_8));
		wire.writeBytes(CRLF);
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		return indexOf(haystack, needle, 0);
	}

	private static int indexOf(byte[] haystack, byte[] needle, int from) {
		outer: for (int i = from; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
