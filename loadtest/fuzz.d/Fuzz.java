import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The hostile-input corpus run: java -cp 'APP_LIBS/*' Fuzz.java BASE_URL TOKEN REQUESTS MAX_SECONDS
 * SEED THREADS MONGO_URI DOC NOTE
 *
 * Sends REQUESTS hostile requests (at most MAX_SECONDS) over raw sockets, drawn from a seeded
 * Random per thread, in categories: ids and indexes, query strings, headers, cookies, paths and
 * methods, API JSON bodies, content types, multipart, Save, and injection payloads (NoSQL
 * operators, $where, script tags in every field, path traversal, header injection, overlong
 * values). Counts answers by status and category; records every 5xx, stack trace, injected
 * header, unescaped script, and error not in the site's form, with its request. Valid writes go
 * only to listings this run creates. MongoDB's listings, reviews, image_refs and fs.files are
 * digested before and after, leaving out the listings the run created (and their reviews); the
 * two digests must be identical. Prints a table and appends it to DOC.
 */
public class Fuzz {

	static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	static final Pattern STACK_TRACE = Pattern
		.compile("Exception|\\bat (com|org|java|jdk|sun|jakarta|tools)\\.[\\w.$]+\\(|\\.java:\\d+\\)");

	static final List<String> CATEGORIES = List.of("ids and indexes", "query strings", "headers", "cookies",
			"paths and methods", "API JSON bodies", "content types", "multipart", "Save", "injection payloads");

	static final List<String> INJECTIONS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(5000)\"}",
			"$where", "$gt", "this.version > 0", "';return true;//", "' || '1'=='1", "<script>alert(1)</script>",
			"\"><svg onload=alert(1)>", "javascript:alert(1)", "../../etc/passwd", "..%2f..%2fetc%2fpasswd",
			"%2e%2e/%2e%2e/etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd%00.png", "%0d%0aSet-Cookie:%20injected=1",
			"\r\nSet-Cookie: injected=1", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "[[${7*7}]]",
			"__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "A".repeat(100_000), "1".repeat(5_000),
			"\u0000", "\uFEFF", "é", "𝟙", "NaN", "-1", "1e400", "99999999999999999999");

	static String base, host, token;

	static int port;

	static final Set<Long> created = ConcurrentHashMap.newKeySet();

	static final Map<String, Map<String, AtomicInteger>> counts = new ConcurrentHashMap<>();

	static final Map<String, AtomicInteger> problemCounts = new ConcurrentHashMap<>();

	static final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

	static final AtomicInteger sent = new AtomicInteger();

	static long own;

	public static void main(String[] args) throws Exception {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mongodb"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		base = args[0];
		host = base.replaceFirst("^http://", "");
		port = Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
		token = args[1];
		int total = Integer.parseInt(args[2]);
		long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
		long seed = Long.parseLong(args[4]);
		int threads = Integer.parseInt(args[5]);
		String mongoUri = args[6];
		Path doc = Path.of(args[7]);
		String note = args[8];

		Answer created = send(new Request("POST", "/api/listings", List.of(h("Authorization", "Bearer " + token),
				h("Content-Type", "application/json")), bytes("{\"name\":\"Fuzz target\",\"location\":{\"city\":\"Oslo\","
						+ "\"country\":\"Norway\"}}"), "setup"));
		own = Long.parseLong(find(ID, created.text()));
		Fuzz.created.add(own);
		Map<String, String> before = digests(mongoUri);

		long started = System.currentTimeMillis();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Random random = new Random(seed * 1_000 + t);
			Thread worker = new Thread(() -> {
				for (int n = sent.getAndIncrement(); n < total && System.currentTimeMillis() < deadline; n = sent
					.getAndIncrement()) {
					String category = CATEGORIES.get(n % CATEGORIES.size());
					Request request = draw(category, new Gen(random));
					record(category, request, safeSend(request));
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		long seconds = Math.max(1, (System.currentTimeMillis() - started) / 1000);
		Map<String, String> after = digests(mongoUri);
		String report = report(before, after, seconds, note, seed, threads);
		System.out.println(report);
		append(doc, report);
		boolean clean = before.equals(after) && problemCounts.getOrDefault("5xx", new AtomicInteger()).get() == 0;
		System.exit(clean ? 0 : 1);
	}

	// ---- what is sent

	record Request(String method, String target, List<String[]> headers, byte[] body, String category) {

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(this.method + " " + shorten(this.target));
			this.headers.forEach((header) -> text.append(" | ").append(header[0]).append(": ").append(shorten(header[1])));
			if (this.body != null) {
				text.append(" | body ").append(this.body.length).append(" B: ")
					.append(shorten(new String(this.body, StandardCharsets.ISO_8859_1)));
			}
			return text.toString().replace("\r", "\\r").replace("\n", "\\n").replace("|", "\\|");
		}

	}

	static String shorten(String value) {
		return (value.length() <= 100) ? value : value.substring(0, 90) + "…(" + value.length() + " chars)";
	}

	static String[] h(String name, String value) {
		return new String[] { name, value };
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** Random choices, seeded per thread. */
	record Gen(Random random) {

		int below(int bound) {
			return this.random.nextInt(bound);
		}

		boolean chance(double p) {
			return this.random.nextDouble() < p;
		}

		@SafeVarargs
		final <T> T of(T... values) {
			return values[below(values.length)];
		}

		<T> T of(List<T> values) {
			return values.get(below(values.size()));
		}

		String chars(int max) {
			StringBuilder text = new StringBuilder();
			int length = below(max + 1);
			int kind = below(3);
			for (int i = 0; i < length; i++) {
				text.appendCodePoint(switch (kind) {
					case 0 -> 0x20 + below(0x5f);
					case 1 -> 0x20 + below(0xe0);
					default -> 1 + below(0xd7ff);
				});
			}
			return text.toString();
		}

		String value() {
			return switch (below(4)) {
				case 0 -> of(INJECTIONS);
				case 1 -> chars(30);
				case 2 -> String.valueOf(this.random.nextLong());
				default -> String.valueOf(below(3000));
			};
		}

		String id() {
			return switch (below(5)) {
				case 0 -> String.valueOf(below(2000));
				case 1 -> of("999999", "999999999999999999", "0000000000000000015", "-0", "1.0", "0x10");
				default -> value();
			};
		}

		String index() {
			return switch (below(4)) {
				case 0 -> String.valueOf(1 + below(12));
				case 1 -> of("0", "-1", "41", "2147483648", "1,2", "01", "");
				default -> value();
			};
		}

		/** Auth for a write: the token only toward this run's listing, a missing one or garbage. */
		String[] auth(String id) {
			boolean harmless = !id.matches("\\d{1,4}") || Long.parseLong(id) == own;
			return h("Authorization", (harmless && chance(0.7)) ? "Bearer " + token
					: of("Bearer guess", "Bearer ", "Basic " + token, "bearer " + token, enc(value()), ""));
		}

		String writeId() {
			return enc(of(String.valueOf(own), String.valueOf(own), "999999", id()));
		}

		String json(int depth) {
			int kind = (depth >= 4) ? 2 + below(3) : below(6);
			return switch (kind) {
				case 0, 1 -> {
					StringBuilder object = new StringBuilder("{");
					int fields = below(5);
					for (int i = 0; i < fields; i++) {
						object.append(i > 0 ? "," : "").append(quote(of("name", "location", "city", "country", "image",
								"caption", "order", "author", "rating", "text", "$gt", "$where", "$set", "__proto__", "_id",
								"version", chars(6)))).append(':').append(json(depth + 1));
					}
					yield object.append('}').toString();
				}
				case 2 -> quote(value());
				case 3 -> of("0", "1", "5", "-1", "1.5", "1e400", "-1e400", "9223372036854775808", "2147483648",
						"123456789012345678901234567890", "true", "false", "null");
				default -> {
					StringBuilder array = new StringBuilder("[");
					int items = below(4);
					for (int i = 0; i < items; i++) {
						array.append(i > 0 ? "," : "").append(json(depth + 1));
					}
					yield array.append(']').toString();
				}
			};
		}

		String body() {
			return switch (below(8)) {
				case 0 -> {
					int depth = of(1_000, 10_000);
					yield chance(0.5) ? "[".repeat(depth) + "1" + "]".repeat(depth)
							: "{\"name\":".repeat(depth) + "1" + "}".repeat(depth);
				}
				case 1 -> of("", "null", "1e400", "{", "[1,", "{'name':'x'}", "\uFEFF{}", "{\"name\":\"a\",\"name\":{\"$gt\":\"\"}}",
						"{\"rating\":1e400,\"author\":\"a\",\"text\":\"b\"}", "{\"order\":[99999999999999999999]}",
						"{\"order\":[-1,0,2147483648]}", "{\"image\":{\"$ne\":null}}", "{\"image\":\"../../etc/passwd\"}");
				default -> json(0);
			};
		}

	}

	static String quote(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	static List<String[]> representation(Gen g) {
		return switch (g.below(4)) {
			case 0 -> List.<String[]>of(h("HX-Request", "true"));
			case 1 -> List.<String[]>of(h("Accept", "application/json"));
			case 2 -> List.<String[]>of(h("Accept", "text/html,*/*;q=0.8"));
			default -> List.of();
		};
	}

	static Request draw(String category, Gen g) {
		return switch (category) {
			case "ids and indexes" -> {
				String id = enc(g.id());
				String query = "?index=" + enc(g.index());
				yield new Request("GET", g.of("/listings/" + id, "/images/" + id + query, "/reviews/" + id + query,
						"/embed/listings/" + id + "?reviews=" + enc(g.of("1", "0", g.value())), "/api/listings/" + id,
						"/listings/" + id + "/photos", "/media/" + id + "/" + enc(g.of("200", "800", g.value()))),
						representation(g), null, category);
			}
			case "query strings" -> {
				StringBuilder query = new StringBuilder();
				int parameters = 1 + g.below(3);
				for (int i = 0; i < parameters; i++) {
					query.append(i > 0 ? g.of("&", ";", "&&") : "").append(g.of("index", "index", "reviews", "v", "from",
							"index[$gt]", "index[$ne]", "$where", enc(g.value()))).append('=').append(enc(g.index()));
				}
				String id = String.valueOf(g.below(2000));
				yield new Request("GET", g.of("/listings/", "/images/", "/reviews/", "/embed/listings/", "/api/listings/")
						+ id + "?" + query, representation(g), null, category);
			}
			case "headers" -> {
				List<String[]> headers = new ArrayList<>();
				int count = 1 + g.below(4);
				for (int i = 0; i < count; i++) {
					headers.add(switch (g.below(9)) {
						case 0 -> h("Accept", g.of("*/*", "application/json", "text/html;q=abc", "garbage", "a/b/c",
								"application/json;q=0", ",,,", g.value()));
						case 1 -> h("Accept-Language", g.of("en", "*", "xx-YY", "en;q=abc", "en-US".repeat(500), g.value()));
						case 2 -> h(g.of("HX-Request", "HX-History-Restore-Request", "HX-Boosted", "HX-Target", "HX-Trigger",
								"HX-Current-URL", "HX-Prompt"), g.of("true", "false", "", g.value()));
						case 3 -> h("If-None-Match", g.of("*", "\"abc\"", "W/\"1\"", "\"", "garbage", g.value()));
						case 4 -> h("Range", g.of("bytes=0-0", "bytes=-1", "bytes=5-1", "bytes=" + "0-1,".repeat(300) + "2-3",
								"bytes=99999999999999999999-", "items=0-1", g.value()));
						case 5 -> h(g.of("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port",
								"X-Forwarded-Prefix", "Forwarded"), g.of("https", "evil.example", "[::1]", "99999", "abc",
										"for=1.2.3.4;proto=https", g.value()));
						case 6 -> h("Host", g.of("evil.example", "", "[::1", "a b", "127.0.0.1:99999", "<script>", host));
						case 7 -> h("If-Modified-Since", g.of("garbage", "Mon, 99 Foo 99999 99:99:99 GMT", g.value()));
						default -> h(g.of("User-Agent", "Referer", "Origin", "Accept-Encoding", "Sec-Fetch-Site"), g.value());
					});
				}
				String id = String.valueOf(g.below(2000));
				yield new Request(g.of("GET", "GET", "HEAD"), g.of("/listings/" + id, "/images/" + id + "?index=2",
						"/reviews/" + id + "?index=1", "/embed/listings/" + id, "/listings/" + id + "/photos", "/saved",
						"/embed.js", "/media/demo-001/800", "/api/listings/" + id, "/", "/livez", "/no/such/page"), headers,
						null, category);
			}
			case "cookies" -> {
				String cookie = switch (g.below(5)) {
					case 0 -> "STARKILLER_SESSION=" + java.util.Base64.getEncoder().encodeToString(bytes(g.chars(40)));
					case 1 -> "STARKILLER_SESSION=" + enc(g.value());
					case 2 -> "STARKILLER_SESSION=a; STARKILLER_SESSION=b";
					case 3 -> g.of(";;;", "=", "=x", "a=b=c", "STARKILLER_SESSION", "STARKILLER_SESSION=\"q\"",
							"$Version=1; STARKILLER_SESSION=x; $Path=/");
					default -> "c=1; ".repeat(300) + "STARKILLER_SESSION=x";
				};
				String id = String.valueOf(g.below(2000));
				List<String[]> headers = new ArrayList<>(representation(g));
				headers.add(h("Cookie", cookie));
				if (g.chance(0.3)) {
					headers.add(h("Sec-Fetch-Site", "same-origin"));
					headers.add(h("Content-Type", "application/x-www-form-urlencoded"));
					yield new Request("POST", "/saved/" + id, headers, bytes("saved=true"), category);
				}
				yield new Request("GET", g.of("/listings/" + id, "/reviews/" + id + "?index=1", "/saved"), headers, null,
						category);
			}
			case "paths and methods" -> {
				String path = switch (g.below(3)) {
					case 0 -> g.of("//listings//15", "/listings/15/..;/..;/api/listings", "/%2e%2e/%2e%2e/etc/passwd",
							"/listings/15;jsessionid=x", "/listings/15%2f..", "/LISTINGS/15", "*", "http://evil.example/x",
							"/listings/../../../etc/passwd", "/media/..%2f..%2fetc/800", "/listings/%", "/listings/%zz",
							"/listings/%00", "/assets/../application.yaml", "/webjars/../../../etc/passwd",
							"/" + "a/".repeat(5_000), "/error", "/error?status=500", "/actuator/env", "/actuator/heapdump",
							"/swagger-ui.html", "/v3/api-docs", "/listings/[1]", "/listings/{1}", "/listings/1|2");
					case 1 -> "/" + g.of("listings", "images", "reviews", "embed/listings", "media", "api/listings", "saved",
							"insert") + "/" + g.chars(20).replace(" ", "%20");
					default -> "/" + enc(g.value()) + "/" + enc(g.value());
				};
				String method = g.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO",
						"get", "CONNECT");
				yield new Request(method, path, representation(g), method.equals("GET") ? null : new byte[0], category);
			}
			case "API JSON bodies", "content types" -> {
				String id = g.writeId();
				String target = g.of("/api/listings", "/api/listings/" + id, "/api/listings/" + id + "/photos",
						"/api/listings/" + id + "/photos/" + enc(g.index()), "/api/listings/" + id + "/photos/order",
						"/api/listings/" + id + "/reviews", "/insert");
				String method = target.matches(".*/photos/[^/]+") ? g.of("PUT", "DELETE")
						: target.matches("/api/listings/[^/]+") ? g.of("PATCH", "POST") : "POST";
				List<String[]> headers = new ArrayList<>();
				headers.add(g.auth(id));
				boolean types = category.equals("content types");
				headers.add(h("Content-Type", !types ? "application/json" : g.of("application/*", "*/*", "text/plain",
						"application/x-www-form-urlencoded", "multipart/form-data", "application/xml", "garbage", ";;;",
						"application/json; charset=utf-16", "application/json; charset=nonsense", g.value())));
				headers.add(h("Accept", g.chance(0.8) ? "application/json" : g.of("*/json", "text/html", "garbage", "")));
				if (g.chance(0.2)) {
					headers.add(h("If-Match", g.of("*", "\"999999\"", "W/\"1\"", "garbage", g.value())));
				}
				yield new Request(method, target, headers, bytes(types && g.chance(0.5) ? g.value() : g.body()), category);
			}
			case "multipart" -> {
				String id = g.writeId();
				String boundary = g.of("fuzz", "x", "----", "a".repeat(200), "");
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				int parts = g.below(4);
				for (int i = 0; i < parts; i++) {
					body.writeBytes(bytes("--" + boundary + "\r\n"));
					String name = g.of("file", "file", "files", "caption", "", g.value());
					body.writeBytes(bytes(g.of("Content-Disposition: form-data; name=\"" + name + "\"; filename=\""
							+ g.of("x.png", "../../x", "<script>.png") + "\"\r\n", "Content-Disposition: form-data\r\n", "")));
					body.writeBytes(bytes("\r\n"));
					body.writeBytes(g.of(new byte[0], bytes(g.chars(100)), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n',
							0x1a, '\n' }, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 }, bytes(g.value())));
					body.writeBytes(bytes("\r\n"));
				}
				if (g.chance(0.8)) {
					body.writeBytes(bytes("--" + boundary + "--\r\n"));
				}
				String type = g.of("multipart/form-data", "multipart/form-data; boundary=other",
						"multipart/form-data; boundary=" + boundary, "multipart/form-data; boundary=" + boundary);
				boolean replace = g.chance(0.3);
				yield new Request(replace ? "PUT" : "POST", "/api/listings/" + id + "/photos" + (replace ? "/1" : ""),
						List.of(g.auth(id), h("Content-Type", type), h("Accept", "application/json")), body.toByteArray(),
						category);
			}
			case "Save" -> {
				List<String[]> headers = new ArrayList<>(representation(g));
				headers.add(switch (g.below(3)) {
					case 0 -> h("Sec-Fetch-Site", g.of("same-origin", "cross-site", "none", g.value()));
					case 1 -> h("Origin", g.of("http://" + host, "null", "http://evil.example", g.value()));
					default -> h("Referer", g.of("http://" + host + "/x", "::::", g.value()));
				});
				headers.add(h("Content-Type", "application/x-www-form-urlencoded"));
				String form = g.of("saved=true", "saved=false", "saved=true&from=saved", "", "saved=" + enc(g.value()),
						"saved=true&from=" + enc(g.value()), "saved=true&saved=false");
				yield new Request("POST", "/saved/" + enc(g.id()), headers, bytes(form), category);
			}
			default -> injection(g);
		};
	}

	/** One payload from INJECTIONS in one place: path, query, header, cookie, or every field of a JSON write. */
	static Request injection(Gen g) {
		String payload = g.of(INJECTIONS);
		String category = "injection payloads";
		return switch (g.below(8)) {
			// The pages of this run's listing, which the writes below fill with payloads: they must come back escaped.
			case 6, 7 -> new Request("GET", g.of("/listings/", "/embed/listings/", "/reviews/", "/images/") + own
					+ g.of("", "?index=" + (1 + g.below(30)), "?reviews=1"), representation(g), null, category);
			case 0 -> new Request("GET", g.of("/listings/", "/images/", "/reviews/", "/api/listings/") + enc(payload),
					representation(g), null, category);
			case 1 -> new Request("GET", g.of("/images/15?index=", "/reviews/15?index=", "/embed/listings/15?reviews=",
					"/reviews/15?index[$where]=", "/saved?from=") + enc(payload), representation(g), null, category);
			case 2 -> new Request("GET", "/listings/" + g.below(2000), List.<String[]>of(h(g.of("Accept", "Accept-Language",
					"HX-Request", "HX-Current-URL", "If-None-Match", "X-Forwarded-Host", "Referer", "User-Agent"),
					payload.replace("\r\n", g.chance(0.5) ? "\r\n" : " "))), null, category);
			case 3 -> new Request("GET", "/saved", List.<String[]>of(h("Cookie", "STARKILLER_SESSION=" + enc(payload))), null,
					category);
			default -> {
				// Script tags and operators in every field of a write that is otherwise valid, to this run's listing.
				String value = g.chance(0.5) ? quote(payload) : g.of("{\"$gt\":\"\"}", "{\"$where\":\"1\"}", "[\"$ne\"]");
				String[] body = { "{\"name\":" + value + ",\"location\":{\"city\":" + value + ",\"country\":" + value + "}}",
						"{\"author\":" + value + ",\"rating\":5,\"text\":" + value + "}",
						"{\"image\":\"demo-00" + g.below(6) + "\",\"caption\":" + value + "}" };
				int which = g.below(3);
				String target = switch (which) {
					case 0 -> g.of("/api/listings", "/api/listings/" + own);
					case 1 -> "/api/listings/" + own + "/reviews";
					default -> "/api/listings/" + own + "/photos";
				};
				String method = target.equals("/api/listings/" + own) ? "PATCH" : "POST";
				yield new Request(method, target, List.of(h("Authorization", "Bearer " + token), h("Content-Type",
						"application/json"), h("Accept", "application/json")), bytes(body[which]), category);
			}
		};
	}

	// ---- what comes back

	record Answer(int status, List<String[]> headers, byte[] body) {

		String header(String name) {
			return this.headers.stream().filter((header) -> header[0].equalsIgnoreCase(name)).map((header) -> header[1])
				.findFirst().orElse("");
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	static Answer safeSend(Request request) {
		try {
			return send(request);
		}
		catch (IOException | RuntimeException ex) {
			return new Answer(-1, List.of(), bytes(String.valueOf(ex)));
		}
	}

	static Answer send(Request request) throws IOException {
		ByteArrayOutputStream wire = new ByteArrayOutputStream();
		line(wire, request.method() + " " + request.target() + " HTTP/1.1");
		if (request.headers().stream().noneMatch((header) -> header[0].equalsIgnoreCase("Host"))) {
			line(wire, "Host: " + host);
		}
		for (String[] header : request.headers()) {
			line(wire, header[0] + ": " + header[1]);
		}
		line(wire, "Connection: close");
		if (request.body() != null) {
			line(wire, "Content-Length: " + request.body().length);
		}
		line(wire, "");
		if (request.body() != null) {
			wire.writeBytes(request.body());
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(wire.toByteArray());
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	static void line(ByteArrayOutputStream wire, String line) {
		wire.writeBytes(line.getBytes(line.chars().allMatch((c) -> c < 0x100) ? StandardCharsets.ISO_8859_1
				: StandardCharsets.UTF_8));
		wire.writeBytes(new byte[] { '\r', '\n' });
	}

	static Answer parse(byte[] raw) throws IOException {
		if (!new String(raw, 0, Math.min(raw.length, 5), StandardCharsets.ISO_8859_1).equals("HTTP/")) {
			// A request line without a version (a raw line feed in the path) is HTTP/0.9: the body alone.
			return new Answer(0, List.of(), raw);
		}
		int end = indexOf(raw, bytes("\r\n\r\n"), 0);
		if (end < 0) {
			throw new IOException("no complete answer (" + raw.length + " bytes)");
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		List<String[]> headers = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(h(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()));
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		Answer answer = new Answer(Integer.parseInt(lines[0].split(" ", 3)[1]), headers, body);
		if (answer.header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
			ByteArrayOutputStream plain = new ByteArrayOutputStream();
			int at = 0;
			while (at < body.length) {
				int lineEnd = indexOf(body, bytes("\r\n"), at);
				int length = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0]
					.strip(), 16);
				if (length == 0) {
					break;
				}
				plain.write(body, lineEnd + 2, length);
				at = lineEnd + 4 + length;
			}
			body = plain.toByteArray();
		}
		if (answer.header("Content-Encoding").equalsIgnoreCase("gzip")) {
			try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
				body = gzip.readAllBytes();
			}
		}
		return new Answer(answer.status(), headers, body);
	}

	static int indexOf(byte[] haystack, byte[] needle, int from) {
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

	static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("nothing like " + pattern + " in " + shorten(text));
		}
		return matcher.group(1);
	}

	/** Counts the answer and records what is wrong with it. */
	static void record(String category, Request request, Answer answer) {
		String status = (answer.status() < 0) ? "no answer"
				: (answer.status() == 0) ? "HTTP/0.9 (no status)" : String.valueOf(answer.status());
		counts.computeIfAbsent(category, (key) -> new ConcurrentHashMap<>())
			.computeIfAbsent(status, (key) -> new AtomicInteger())
			.incrementAndGet();
		if (answer.status() == 201 && (request.target().equals("/api/listings") || request.target().equals("/insert"))) {
			created.add(Long.parseLong(find(ID, answer.text())));
		}
		List<String> wrong = new ArrayList<>();
		if (answer.status() < 0) {
			wrong.add("no answer");
		}
		if (answer.status() >= 500) {
			wrong.add("5xx");
		}
		String body = answer.text();
		String type = answer.header("Content-Type").toLowerCase();
		if (STACK_TRACE.matcher(body).find()) {
			wrong.add("stack trace");
		}
		if (type.startsWith("text/html") && (body.contains("<script>alert(") || body.contains("<svg onload=alert("))) {
			wrong.add("unescaped script");
		}
		if (answer.headers().stream().anyMatch((header) -> header[0].toLowerCase().contains("injected")
				|| header[1].toLowerCase().contains("injected="))) {
			wrong.add("injected header");
		}
		if (answer.status() >= 400 && !request.method().equals("HEAD") && type.startsWith("text/html")
				&& !body.contains("id=\"error-title\"")) {
			wrong.add("HTML error that is not the error page");
		}
		String path = request.target().split("\\?", 2)[0];
		boolean readable = request.target().length() < 8_000
				&& request.target().matches("[A-Za-z0-9._~:/?@!$&'()*+,;=%-]*");
		if (answer.status() >= 400 && answer.status() != 405 && !request.method().equals("HEAD") && readable
				&& (path.startsWith("/api/") || path.equals("/insert")) && !type.equals("application/problem+json")) {
			wrong.add("API error that is not problem details");
		}
		for (String kind : wrong) {
			if (problemCounts.computeIfAbsent(kind, (key) -> new AtomicInteger()).incrementAndGet() <= 20) {
				problems.add("| " + kind + " | " + category + " | " + request + " | " + status + " |");
			}
		}
	}

	// ---- what is stored

	/** SHA-256 of each collection in _id order, leaving out the listings this run created and their reviews. */
	static Map<String, String> digests(String uri) throws Exception {
		Map<String, String> digests = new TreeMap<>();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase database = client.getDatabase(uri.substring(uri.lastIndexOf('/') + 1));
			for (String collection : List.of("listings", "reviews", "image_refs", "fs.files")) {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				int documents = 0;
				for (Document document : database.getCollection(collection).find().sort(Sorts.ascending("_id"))) {
					if (ours(collection, document)) {
						continue;
					}
					digest.update(bytes(document.toJson()));
					documents++;
				}
				digests.put(collection, documents + " documents, " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
			}
		}
		return digests;
	}

	static boolean ours(String collection, Document document) {
		Object listing = switch (collection) {
			case "listings" -> document.get("_id");
			case "reviews" -> document.get("listing");
			default -> null;
		};
		return listing instanceof Number id && created.contains(id.longValue());
	}

	// ---- the report

	static final String SECTION = "## Fuzzing (issue #11)";

	/** Adds the run at the end of the doc's fuzzing section (made if missing), before any section after it. */
	static void append(Path doc, String run) throws IOException {
		String text = Files.readString(doc);
		int section = text.indexOf(SECTION);
		if (section < 0) {
			text = text.stripTrailing() + "\n\n" + SECTION + "\n\nRuns of `loadtest/fuzz`, appended; none is removed.\n";
			section = text.indexOf(SECTION);
		}
		int next = text.indexOf("\n## ", section + SECTION.length());
		int at = (next < 0) ? text.length() : next + 1;
		String before = text.substring(0, at).stripTrailing() + "\n";
		Files.writeString(doc, before + run + ((next < 0) ? "" : "\n" + text.substring(at)));
	}

	static String report(Map<String, String> before, Map<String, String> after, long seconds, String note, long seed,
			int threads) {
		int total = counts.values().stream().flatMap((statuses) -> statuses.values().stream())
			.mapToInt(AtomicInteger::get).sum();
		Map<String, Integer> byStatus = new TreeMap<>();
		counts.values().forEach((statuses) -> statuses.forEach((status, count) -> byStatus.merge(status, count.get(),
				Integer::sum)));
		int fiveHundreds = byStatus.entrySet().stream().filter((entry) -> entry.getKey().startsWith("5"))
			.mapToInt(Map.Entry::getValue).sum();
		StringBuilder out = new StringBuilder();
		out.append("\n### Run of ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
			.append("\n\n").append(note).append("; seed ").append(seed).append(", ").append(threads)
			.append(" client threads.\n\n");
		out.append("| figure | value | target |\n|---|---|---|\n");
		out.append("| requests | ").append(String.format("%,d", total)).append(" in ").append(seconds).append(" s | ≥ 10,000 |\n");
		out.append("| 5xx | ").append(fiveHundreds).append(" | 0 |\n");
		for (String kind : List.of("no answer", "stack trace", "unescaped script", "injected header",
				"HTML error that is not the error page", "API error that is not problem details")) {
			out.append("| ").append(kind).append(" | ").append(problemCounts.getOrDefault(kind, new AtomicInteger()).get())
				.append(" | 0 |\n");
		}
		out.append("| stored data | ").append(before.equals(after) ? "unchanged" : "**changed**")
			.append(" (").append(created.size()).append(" listings created by the run's valid writes left out) | unchanged |\n\n");
		out.append("Answers by status: ").append(String.join(", ", byStatus.entrySet().stream()
			.map((entry) -> entry.getKey() + ": " + String.format("%,d", entry.getValue())).toList())).append(".\n\n");
		out.append("| category | requests | answers by status |\n|---|---|---|\n");
		for (String category : CATEGORIES) {
			Map<String, AtomicInteger> statuses = new TreeMap<>(counts.getOrDefault(category, Map.of()));
			out.append("| ").append(category).append(" | ")
				.append(String.format("%,d", statuses.values().stream().mapToInt(AtomicInteger::get).sum())).append(" | ")
				.append(String.join(", ", statuses.entrySet().stream()
					.map((entry) -> entry.getKey() + ": " + String.format("%,d", entry.getValue().get())).toList()))
				.append(" |\n");
		}
		out.append("\n| collection | before | after |\n|---|---|---|\n");
		before.forEach((collection, digest) -> out.append("| ").append(collection).append(" | ").append(digest)
			.append(" | ").append(after.get(collection)).append(" |\n"));
		if (!problems.isEmpty()) {
			out.append("\nWhat was wrong (at most 20 of each kind):\n\n| what | category | request | status |\n|---|---|---|---|\n");
			problems.forEach((problem) -> out.append(problem).append('\n'));
		}
		return out.toString();
	}

}
