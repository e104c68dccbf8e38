package com.starkiller.images.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Hostile input, drawn from a seeded {@link Random} so that a failing case can be run again: ids,
 * indexes, query strings, header values, cookies, JSON of every shape and multipart bodies. Each
 * generator mixes values that are valid, values that are almost valid, and values no one would
 * send but an attacker or a broken client.
 */
final class Hostile {

	/** Strings that have broken web applications: injections, traversals, encodings, overflow. */
	static final List<String> NASTY = List.of("", " ", "0", "-1", "1.5", "1e3", "0x10", "+1", "NaN", "Infinity",
			"null", "undefined", "true", "[]", "{}", "99999999999999999999", "-9223372036854775809",
			"9223372036854775807", "2147483648", "١٢٣", "１２", "𝟙𝟚", "../../etc/passwd", "..\\..\\windows\\win.ini",
			"%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "/etc/passwd\u0000.png", "{\"$gt\":\"\"}",
			"$gt", "$where", "{\"$where\":\"sleep(1000)\"}", "'; return true; var x='", "1; DROP TABLE listings",
			"' OR '1'='1", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
			"${7*7}", "#{7*7}", "{{7*7}}", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
			"%00", "%0d%0aSet-Cookie:%20injected=1", "\r\nX-Injected: 1", "%", "%zz", "%u0041", "\u202egnp.exe",
			"\uFEFF1", "\uD800", "é", "ü".repeat(300), "a".repeat(10_000), "A".repeat(100_000));

	private final Random random;

	Hostile(long seed) {
		this.random = new Random(seed);
	}

	Random random() {
		return this.random;
	}

	int below(int bound) {
		return this.random.nextInt(bound);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	@SafeVarargs
	final <T> T oneOf(T... values) {
		return values[this.random.nextInt(values.length)];
	}

	<T> T oneOf(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	@SafeVarargs
	final <T> T frequently(Supplier<T> usual, Supplier<T>... others) {
		return chance(0.5) ? usual.get() : others[this.random.nextInt(others.length)].get();
	}

	/** A string of random characters: printable ASCII, Latin-1, any BMP character, or controls. */
	String anyString(int maxLength) {
		int length = this.random.nextInt(maxLength + 1);
		StringBuilder text = new StringBuilder(length);
		int kind = this.random.nextInt(4);
		for (int i = 0; i < length; i++) {
			switch (kind) {
				case 0 -> text.append((char) (0x20 + this.random.nextInt(0x5f)));
				case 1 -> text.append((char) (0x20 + this.random.nextInt(0xe0)));
				case 2 -> text.appendCodePoint(1 + this.random.nextInt(0xd7ff));
				default -> text.append((char) this.random.nextInt(0x80));
			}
		}
		return text.toString();
	}

	/** Anything a client might put where a value goes. */
	String value() {
		return switch (this.random.nextInt(4)) {
			case 0 -> oneOf(NASTY);
			case 1 -> anyString(40);
			case 2 -> String.valueOf(this.random.nextLong());
			default -> String.valueOf(this.random.nextInt(400));
		};
	}

	/** A listing id as it appears in a path: real ones, missing ones and garbage. */
	String id() {
		return switch (this.random.nextInt(6)) {
			case 0 -> String.valueOf(this.random.nextInt(300));
			case 1 -> oneOf("300", "424242", "999999999999999999", "000000000000000015", "0015", "-0");
			default -> value();
		};
	}

	/** An {@code index} as it appears in a query: absent (null), in range, past the end, garbage. */
	String index() {
		return switch (this.random.nextInt(5)) {
			case 0 -> null;
			case 1 -> String.valueOf(1 + this.random.nextInt(12));
			case 2 -> oneOf("0", "-1", "41", "999999999", "1000000000", "2147483648", "01", "1 ", "1,2");
			default -> value();
		};
	}

	/** Percent-encodes a value for a path segment or a query value (spaces as %20). */
	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A query string (without '?'): repeated, empty, operator-shaped and unknown parameters. */
	String query() {
		StringBuilder query = new StringBuilder();
		int parameters = this.random.nextInt(4);
		for (int i = 0; i < parameters; i++) {
			if (i > 0) {
				query.append(oneOf("&", "&", ";", "&&"));
			}
			String name = oneOf("index", "index", "reviews", "v", "from", "saved", "index[$gt]", "index[]", "__proto__",
					"$where", encode(value()));
			query.append(name);
			if (chance(0.9)) {
				String index = index();
				query.append('=').append(encode((index != null) ? index : value()));
			}
		}
		return query.toString();
	}

	/** A whole JSON document of arbitrary shape, mostly made of the API's own field names. */
	String json() {
		return switch (this.random.nextInt(12)) {
			case 0 -> deep(oneOf(1_000, 10_000), "[", "]");
			case 1 -> deep(oneOf(1_000, 10_000), "{\"name\":", "}");
			case 2, 3, 4 -> oneOf("", "null", "true", "1e400", "-1e400", "\"text\"", "[]", "{}", "{", "}", "[1,", "{\"name\"}",
					"{\"name\":\"a\",\"name\":{\"$gt\":\"\"}}", "\uFEFF{\"name\":\"x\"}", "{'name':'x'}", "NaN",
					"{\"rating\":1e400,\"author\":\"a\",\"text\":\"b\"}", "{\"order\":[1e400]}",
					"{\"order\":[99999999999999999999]}", "{\"order\":[-1,0,2147483648]}", "{\"order\":null}",
					"{\"order\":[1,1]}", "{\"order\":[null]}", "{\"image\":{\"$ne\":null}}",
					"{\"image\":\"../../etc/passwd\"}", "{\"location\":{\"city\":{\"$where\":\"1\"},\"country\":\"x\"}}",
					"{\"rating\":5.5,\"author\":\"a\",\"text\":\"b\"}", "{\"image\":\"demo-001\",\"caption\":\"x\"}",
					"{\"image\":\"demo-002\",\"caption\":\"<script>alert(1)</script>\"}", "{\"order\":[1]}",
					"{\"image\":\"demo-001\",\"room\":\"Bedroom 2\"}", "{\"image\":\"demo-001\",\"room\":\"Bedroom 0\"}",
					"{\"image\":\"demo-001\",\"room\":\"<script>alert(1)</script>\"}",
					"{\"image\":\"demo-001\",\"room\":{\"$gt\":\"\"}}", "{\"image\":\"demo-001\",\"room\":[\"Kitchen\"]}",
					"{\"author\":\"<script>alert(1)</script>\",\"rating\":5,\"text\":\"\\\"><img src=x onerror=alert(1)>\"}",
					"{\"name\":\"<script>alert(1)</script>\",\"location\":{\"city\":\"$where\",\"country\":\"{\\\"$gt\\\":1}\"}}",
					"{\"rating\":\"5\",\"author\":\"a\",\"text\":\"b\"}");
			default -> node(0).toString();
		};
	}

	private static String deep(int depth, String open, String close) {
		return open.repeat(depth) + "1" + close.repeat(depth);
	}

	private CharSequence node(int depth) {
		int kind = (depth >= 5) ? 2 + this.random.nextInt(5) : this.random.nextInt(7);
		return switch (kind) {
			case 0, 1 -> {
				StringBuilder object = new StringBuilder("{");
				int fields = this.random.nextInt(5);
				for (int i = 0; i < fields; i++) {
					object.append((i > 0) ? "," : "").append(quote(oneOf("name", "location", "city", "country", "image",
							"caption", "room", "order", "author", "rating", "text", "$gt", "$where", "$set", "__proto__", "_id",
							"version", "deleted", "photos", anyString(8)))).append(':').append(node(depth + 1));
				}
				yield object.append('}');
			}
			case 2 -> quote(value());
			case 3 -> oneOf("0", "1", "5", "-1", "1.5", "1e400", "-1e400", "1e-400", "9223372036854775808",
					"2147483648", "123456789012345678901234567890", "0.0000000000000000000001", "-0");
			case 4 -> oneOf("true", "false", "null");
			default -> {
				StringBuilder array = new StringBuilder("[");
				int items = this.random.nextInt(5);
				for (int i = 0; i < items; i++) {
					array.append((i > 0) ? "," : "").append(node(depth + 1));
				}
				yield array.append(']');
			}
		};
	}

	static String quote(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	/** A Content-Type a client might send, right or wrong. */
	String contentType() {
		return oneOf("application/json", "application/json", "application/json; charset=utf-8",
				"application/json; charset=utf-16", "application/json; charset=nonsense", "application/problem+json",
				"application/merge-patch+json", "text/plain", "text/html", "application/xml",
				"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
				"multipart/form-data; boundary=x", "image/png", "*/*", "application/*", "garbage", "/", ";;;",
				"application/json;;charset=", "a/b/c", value());
	}

	/** An Accept header value. */
	String accept() {
		return oneOf("*/*", "text/html", "application/json", "application/problem+json", "application/xml",
				"text/html, application/json;q=0.9", "application/json;q=0", "text/*", "image/webp,*/*;q=0.8",
				"text/html;q=abc", "garbage", "a/b/c", ",,,", "*/json", "application/json, garbage", value());
	}

	String acceptLanguage() {
		return oneOf("en", "de-CH, de;q=0.9", "*", "xx-YY", "en;q=abc", "!!!", "zh-Hant-TW-x-private-aaaaaaaa",
				"en-US".repeat(500), ";q=1", value());
	}

	String ifNoneMatch() {
		return oneOf("*", "\"abc\"", "W/\"1\"", "\"\"", "\"", "W/", "garbage", "\"a\", \"b\", *", ",,,", value());
	}

	String range() {
		return oneOf("bytes=0-0", "bytes=-1", "bytes=5-1", "bytes=0-", "bytes=-0", "bytes=0-0,1-1,2-2,3-3",
				"bytes=" + "0-1,".repeat(200) + "2-3", "bytes=99999999999999999999-", "bytes=-99999999999999999999",
				"items=0-1", "bytes=abc", "bytes=", "bytes=1-2-3", value());
	}

	/** Forwarded headers, as a proxy (or someone posing as one) sends them. */
	String[] forwarded() {
		return switch (this.random.nextInt(6)) {
			case 0 -> new String[] { "X-Forwarded-For", oneOf("1.2.3.4", "unknown", "::1, 10.0.0.1", value()) };
			case 1 -> new String[] { "X-Forwarded-Proto", oneOf("https", "http", "HTTPS", "gopher", "", value()) };
			case 2 -> new String[] { "X-Forwarded-Host", oneOf("example.com", "evil.example:8443", "[::1]",
					"a b", "<script>", "example.com:99999", "", value()) };
			case 3 -> new String[] { "X-Forwarded-Port", oneOf("443", "0", "-1", "99999", "abc", "", value()) };
			case 4 -> new String[] { "X-Forwarded-Prefix", oneOf("/app", "//evil.example", "../..", value()) };
			default -> new String[] { "Forwarded", oneOf("for=1.2.3.4;proto=https;host=example.com", "for=\"[::1]\"",
					"garbage", value()) };
		};
	}

	/** A Cookie header: garbage session ids, broken syntax, many cookies. */
	String cookie(String sessionCookie) {
		return switch (this.random.nextInt(6)) {
			case 0 -> sessionCookie + "=" + Base64.getEncoder().encodeToString(anyString(40).getBytes(StandardCharsets.UTF_8));
			case 1 -> sessionCookie + "=" + encode(value());
			case 2 -> sessionCookie + "=a; " + sessionCookie + "=b";
			case 3 -> oneOf(";;;", "=", "=x", "a=b=c", "a", "\"", sessionCookie, sessionCookie + "=",
					sessionCookie + "=\"quoted\"", "$Version=1; " + sessionCookie + "=x; $Path=/");
			case 4 -> "c=1; ".repeat(200) + sessionCookie + "=x";
			default -> sessionCookie + "=" + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xff, 0, 1 });
		};
	}

	/** Bytes that are not an image, or only the start of one. */
	byte[] notAnImage() {
		return switch (this.random.nextInt(5)) {
			case 0 -> new byte[0];
			case 1 -> anyString(200).getBytes(StandardCharsets.UTF_8);
			case 2 -> new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
			case 3 -> new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F' };
			default -> "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		};
	}

	/** A multipart body and the Content-Type that goes with it, often not matching each other. */
	Multipart multipart() {
		String boundary = oneOf("fuzz-boundary", "x", "----", "a".repeat(200), "");
		String declared = switch (this.random.nextInt(6)) {
			case 0 -> "multipart/form-data";
			case 1 -> "multipart/form-data; boundary=other";
			case 2 -> "multipart/mixed; boundary=" + boundary;
			default -> "multipart/form-data; boundary=" + boundary;
		};
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int parts = this.random.nextInt(4);
		for (int i = 0; i < parts; i++) {
			body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			String name = oneOf("file", "file", "files", "caption", "room", "", "file\"; filename=\"x.png", value());
			String disposition = oneOf("form-data; name=\"" + name + "\"; filename=\"" + oneOf("x.png", "", "../../x",
					"<script>.png") + "\"", "form-data; name=\"" + name + "\"", "form-data", "attachment", "");
			if (!disposition.isEmpty()) {
				body.writeBytes(("Content-Disposition: " + disposition + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (chance(0.5)) {
				body.writeBytes(("Content-Type: " + oneOf("image/png", "text/plain", "garbage") + "\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			}
			body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			body.writeBytes(chance(0.7) ? notAnImage() : value().getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		if (chance(0.8)) {
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
		}
		return new Multipart(declared, body.toByteArray());
	}

	record Multipart(String contentType, byte[] body) {
	}

}
