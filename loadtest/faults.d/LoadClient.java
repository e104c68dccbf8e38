import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault run's load and its checker, in one process with no dependencies:
 * java LoadClient.java LB_URL A_URL B_URL TOKEN MAX_SECONDS LISTINGS OUT_DIR
 * (it stops early once OUT_DIR/stop exists)
 *
 * Readers send a steady mix through the load balancer: 80 % hot pages (kept in memory by the app)
 * and 20 % uncached ones (random listings, mostly misses), each reader pausing 10 ms in between. Each writer owns one listing and writes to it
 * in turn (rename, review, photo) through the load balancer; after each acknowledged write it reads
 * the listing from both instances directly, and a version older than the acknowledged one is a
 * stale read. At the end every acknowledged write is looked for. Every answer is recorded in
 * OUT_DIR/requests.tsv (start ms, latency ms, status, kind); -1 is a connection failure, -2 a
 * request not answered within 10 s. OUT_DIR/writes.txt holds the checker's figures.
 */
public class LoadClient {

	static final String[] HOT = { "/reviews/15000?index=1", "/listings/15000", "/images/15000?index=2",
			"/reviews/15000?index=1" };

	static final int READERS = 4;

	static final int WRITERS = 2;

	static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

	record Answer(long start, long latency, int status, String kind) {
	}

	static final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	static final AtomicInteger stale = new AtomicInteger();

	static final AtomicInteger checks = new AtomicInteger();

	static String lb, a, b, token;

	static volatile long end;

	public static void main(String[] args) throws Exception {
		lb = args[0];
		a = args[1];
		b = args[2];
		token = args[3];
		end = System.currentTimeMillis() + Long.parseLong(args[4]) * 1000;
		int listings = Integer.parseInt(args[5]);
		Path out = Path.of(args[6]);
		Thread watcher = new Thread(() -> {
			while (System.currentTimeMillis() < end) {
				if (Files.exists(out.resolve("stop"))) {
					end = System.currentTimeMillis();
				}
				pause(200);
			}
		});
		watcher.setDaemon(true);
		watcher.start();

		List<Thread> threads = new ArrayList<>();
		for (int r = 0; r < READERS; r++) {
			threads.add(start(() -> read(listings)));
		}
		List<Writer> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			Writer writer = new Writer(w);
			writers.add(writer);
			threads.add(start(writer::run));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out.resolve("requests.tsv")))) {
			for (Answer answer : answers) {
				tsv.println(answer.start + "\t" + answer.latency + "\t" + answer.status + "\t" + answer.kind);
			}
		}
		int acknowledged = 0, lost = 0, doubled = 0, extra = 0, unread = 0;
		for (Writer writer : writers) {
			int[] figures = writer.verify();
			acknowledged += figures[0];
			lost += figures[1];
			doubled += figures[2];
			extra += figures[3];
			unread += figures[4];
		}
		String summary = "acknowledged\t" + acknowledged + "\nlost\t" + lost + "\ndoubled\t" + doubled
				+ "\nunacknowledged_but_stored\t" + extra + "\nunread\t" + unread + "\nchecks\t" + checks.get()
				+ "\nstale\t" + stale.get() + "\n";
		Files.writeString(out.resolve("writes.txt"), summary);
		System.out.print(summary);
	}

	static Thread start(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	static void read(int listings) {
		HttpClient http = client();
		while (System.currentTimeMillis() < end) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			if (random.nextInt(10) < 8) {
				send(http, "GET", lb + HOT[random.nextInt(HOT.length)], null, "hot");
			}
			else {
				int id = random.nextInt(listings);
				String path = random.nextBoolean() ? "/reviews/" + id + "?index=1" : "/images/" + id + "?index=1";
				send(http, "GET", lb + path, null, "uncached");
			}
			// A steady, moderate load: the whole fleet and this client share two cores.
			pause(10);
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
	}

	/** Sends and records; returns the response, or null when there was none. */
	static HttpResponse<String> send(HttpClient http, String method, String url, String json, String kind) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		if (json != null) {
			request.header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
			request.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			// Readers ask for pages, as people do; the checker (no kind) reads JSON.
			request.header("Accept", (kind == null) ? "application/json" : "text/html").GET();
		}
		long start = System.currentTimeMillis();
		long startNanos = System.nanoTime();
		int status;
		HttpResponse<String> response = null;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			status = response.statusCode();
		}
		catch (java.net.http.HttpTimeoutException ex) {
			status = -2;
		}
		catch (IOException ex) {
			status = -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = -1;
		}
		if (kind != null) {
			answers.add(new Answer(start, (System.nanoTime() - startNanos) / 1_000_000, status, kind));
		}
		return response;
	}

	static long number(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	/** One listing, written to in turn; what was acknowledged is remembered. */
	static final class Writer {

		final int number;

		final HttpClient http = client();

		long id = -1;

		String name;

		final List<String> reviews = new ArrayList<>();

		final List<String> captions = new ArrayList<>();

		int sequence;

		Writer(int number) {
			this.number = number;
		}

		void run() {
			while (this.id < 0 && System.currentTimeMillis() < end) {
				HttpResponse<String> created = send(this.http, "POST", lb + "/api/listings",
						"{\"name\":\"Fault " + this.number + "\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}",
						"write");
				if (created != null && created.statusCode() == 201) {
					this.id = number(ID, created.body());
					this.name = "Fault " + this.number;
				}
			}
			while (System.currentTimeMillis() < end) {
				String tag = "w" + this.number + "-" + (++this.sequence);
				String base = lb + "/api/listings/" + this.id;
				HttpResponse<String> answer;
				Runnable acknowledge;
				switch (this.sequence % 3) {
					case 0 -> {
						answer = send(this.http, "PATCH", base, "{\"name\":\"" + tag + "\"}", "write");
						acknowledge = () -> this.name = tag;
					}
					case 1 -> {
						answer = send(this.http, "POST", base + "/reviews",
								"{\"author\":\"" + tag + "\",\"rating\":4,\"text\":\"Fault run\"}", "write");
						acknowledge = () -> this.reviews.add(tag);
					}
					default -> {
						answer = send(this.http, "POST", base + "/photos",
								"{\"image\":\"demo-00" + (this.sequence % 5) + "\",\"caption\":\"" + tag + "\"}", "write");
						acknowledge = () -> this.captions.add(tag);
					}
				}
				if (answer != null && answer.statusCode() / 100 == 2) {
					acknowledge.run();
					long version = number(Pattern.compile("^\"(\\d+)\"$"), answer.headers().firstValue("ETag").orElse(""));
					check(version);
				}
				pause(150);
			}
		}

		/** Reads the listing from each instance directly: older than acknowledged is stale. */
		void check(long acknowledged) {
			if (acknowledged < 0) {
				return;
			}
			for (String instance : new String[] { a, b }) {
				HttpResponse<String> read = send(this.http, "GET", instance + "/api/listings/" + this.id, null, null);
				if (read != null && read.statusCode() == 200) {
					checks.incrementAndGet();
					long version = number(VERSION, read.body());
					if (version < acknowledged) {
						stale.incrementAndGet();
						System.err.println("stale: listing " + this.id + " version " + version + " from " + instance
								+ " at " + System.currentTimeMillis() + " ms, after " + acknowledged + " was acknowledged");
					}
				}
			}
		}

		/**
		 * acknowledged, lost, doubled, unacknowledged-but-stored, and writes that could not be checked
		 * (their review, or the whole listing, a 5xx or no answer every time); each write not found
		 * or unread is named on standard error.
		 */
		int[] verify() {
			if (this.id < 0) {
				return new int[5];
			}
			String body = null;
			for (int attempt = 0; attempt < 60 && body == null; attempt++) {
				HttpResponse<String> read = send(this.http, "GET", lb + "/api/listings/" + this.id, null, null);
				body = (read != null && read.statusCode() == 200) ? read.body() : null;
				if (body == null) {
					pause(500);
				}
			}
			int acknowledged = this.reviews.size() + this.captions.size() + 1;
			if (body == null) {
				System.err.println("unread: listing " + this.id + " (every write to it unchecked)");
				return new int[] { acknowledged, 0, 0, 0, acknowledged };
			}
			int lost = body.contains("\"name\":\"" + this.name + "\"") ? 0 : 1;
			if (lost == 1) {
				System.err.println("lost: listing " + this.id + " name " + this.name);
			}
			int unread = 0;
			Map<String, Integer> stored = new HashMap<>();
			Matcher caption = Pattern.compile("\"caption\":\"([^\"]*)\"").matcher(body);
			while (caption.find()) {
				stored.merge(caption.group(1), 1, Integer::sum);
			}
			long count = number(Pattern.compile("\"reviewCount\":(\\d+)"), body);
			for (int index = 1; index <= count; index++) {
				// A 5xx or no answer now (the stand-in stalls now and then) says nothing of what is stored: ask again.
				HttpResponse<String> review = null;
				for (int attempt = 0; attempt < 20 && (review == null || review.statusCode() >= 500); attempt++) {
					if (attempt > 0) {
						pause(500);
					}
					review = send(this.http, "GET", lb + "/reviews/" + this.id + "?index=" + index, null, null);
				}
				if (review == null || review.statusCode() >= 500) {
					unread++;
					System.err.println("unread: listing " + this.id + " review " + index + " of " + count + ", last answer "
							+ ((review != null) ? review.statusCode() : "none"));
					continue;
				}
				Matcher author = Pattern.compile("\"author\":\"([^\"]*)\"").matcher(review.body());
				if (author.find()) {
					stored.merge(author.group(1), 1, Integer::sum);
				}
			}
			Set<String> wanted = new HashSet<>(this.reviews);
			wanted.addAll(this.captions);
			int doubled = 0, extra = 0;
			int reviewsNotFound = 0;
			for (String tag : wanted) {
				if (!stored.containsKey(tag)) {
					boolean review = this.reviews.contains(tag);
					if (review) {
						reviewsNotFound++;
					}
					else {
						lost++;
					}
					System.err.println("not found: listing " + this.id + (review ? " review " : " caption ") + tag + " ("
							+ count + " reviews, " + unread + " of them unread)");
				}
			}
			// As many reviews as went unread may be among those not found: they count as unread, not lost.
			lost += Math.max(0, reviewsNotFound - unread);
			for (Map.Entry<String, Integer> entry : stored.entrySet()) {
				doubled += entry.getValue() - 1;
				extra += wanted.contains(entry.getKey()) ? 0 : 1;
			}
			return new int[] { acknowledged, lost, doubled, extra, unread };
		}

	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
