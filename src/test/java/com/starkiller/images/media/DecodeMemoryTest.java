package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.ChildApp;
import com.starkiller.images.ChildAppOutput;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Uploads that decode large, against the app in a child JVM with the production image's heap
 * ({@code -Xmx256m}, the serial collector, exit on {@code OutOfMemoryError}): 40 MP 16-bit RGBA
 * PNGs of a few hundred KB, each 320 MB when decoded whole, sent several at once. Every one is
 * answered 201, 413 or 503 with {@code Retry-After}; the app stays up and serves pages; each is
 * stored when sent again alone, since it is decoded only as large as its 1600 px variant needs.
 */
class DecodeMemoryTest {

	private static final String TOKEN = "decode-memory-token-0123456789abcdef";

	private static final int WIDTH = 8000;

	private static final int HEIGHT = 5000;

	private static final int AT_ONCE = 8;

	private static final Duration ANSWER = Duration.ofSeconds(120);

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ChildApp app;

	private static Http http;

	@RegisterExtension
	static final ChildAppOutput CHILD_OUTPUT = ChildAppOutput.printedOnFailure(() -> app, 200);

	@BeforeAll
	static void start() throws IOException {
		app = ChildApp.start("decode-memory", List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
				Map.of(), "--spring.mongodb.uri=" + TestServers.mongoUri("decode-memory"),
				"--spring.data.redis.url=" + TestServers.redisUrl(), "--starkiller.api.token=" + TOKEN,
				"--starkiller.seed.demo=true", "--starkiller.seed.demo-listings=20", "--starkiller.seed.image-pool=2",
				"--starkiller.seed.batch-size=20");
		http = app.http();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void largeDecodesAtOnceAreQueuedOrTurnedAwayAndNeverRunTheHeapOut() throws Exception {
		byte[] idat = flatRgba16(WIDTH, HEIGHT);
		List<byte[]> pngs = new ArrayList<>();
		for (int i = 0; i < AT_ONCE; i++) {
			// The same pixels, yet other bytes: each upload is an image of its own, not stored once.
			pngs.add(png(WIDTH, HEIGHT, idat, "upload " + i + " " + UUID.randomUUID()));
		}
		// Too narrow to subsample (1500 px), so all 39 MP are decoded: 312 MB, more than the whole budget.
		byte[] tall = png(1500, 26000, flatRgba16(1500, 26000), "tall");
		assertThat(pngs.get(0).length).as("a 40 MP PNG's size").isLessThan(1024 * 1024);

		List<HttpResponse<String>> answers = new ArrayList<>();
		ExecutorService senders = Executors.newFixedThreadPool(AT_ONCE + 1);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (byte[] png : pngs) {
				sent.add(senders.submit(() -> upload(png)));
			}
			Future<HttpResponse<String>> tallSent = senders.submit(() -> upload(tall));
			for (Future<HttpResponse<String>> answer : sent) {
				answers.add(answer.get(2 * ANSWER.toSeconds(), TimeUnit.SECONDS));
			}
			HttpResponse<String> tallAnswer = tallSent.get(2 * ANSWER.toSeconds(), TimeUnit.SECONDS);
			assertThat(tallAnswer.statusCode()).as(tallAnswer.body()).isEqualTo(413);
			assertThat(JSON.readTree(tallAnswer.body()).path("detail").asString()).contains("MB of memory");
		}
		finally {
			senders.shutdownNow();
		}

		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).as(answer.body()).isIn(201, 413, 503);
			if (answer.statusCode() == 503) {
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
			}
		}
		assertThat(app.isAlive()).as("the app is still running").isTrue();
		assertThat(http.get("/listings/1").statusCode()).isEqualTo(200);

		for (int i = 0; i < AT_ONCE; i++) {
			HttpResponse<String> stored = (answers.get(i).statusCode() == 201) ? answers.get(i) : alone(pngs.get(i));
			assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
			assertStoredAtOriginalSize(stored, pngs.get(i));
		}
		assertThat(app.isAlive()).as("the app is still running").isTrue();
	}

	/** Sent again with nothing else decoding, waiting as {@code Retry-After} says while it is 503. */
	private static HttpResponse<String> alone(byte[] png) throws InterruptedException {
		HttpResponse<String> answer = upload(png);
		for (int attempt = 1; answer.statusCode() == 503 && attempt < 10; attempt++) {
			Thread.sleep(1000 * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
			answer = upload(png);
		}
		return answer;
	}

	private static void assertStoredAtOriginalSize(HttpResponse<String> answer, byte[] png) throws IOException {
		String image = sha256(png).substring(0, 32);
		JsonNode photo = null;
		for (JsonNode each : JSON.readTree(answer.body()).path("photos")) {
			if (each.path("image").asString().equals(image)) {
				photo = each;
			}
		}
		assertThat(photo).as("the photo of image " + image).isNotNull();
		assertThat(photo.path("width").asInt()).isEqualTo(WIDTH);
		assertThat(photo.path("height").asInt()).isEqualTo(HEIGHT);
		HttpResponse<byte[]> large = http.getBytes("/media/" + image + "/1600");
		assertThat(large.statusCode()).isEqualTo(200);
		BufferedImage variant = ImageIO.read(new ByteArrayInputStream(large.body()));
		assertThat(variant.getWidth()).isEqualTo(1600);
		assertThat(variant.getHeight()).isEqualTo(1000);
	}

	private static HttpResponse<String> upload(byte[] png) {
		String boundary = "----decode" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wide.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(png);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpRequest request = HttpRequest.newBuilder(URI.create(http.origin() + "/api/listings/1/photos"))
			.timeout(ANSWER)
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return fail("No answer to an upload (the app alive: " + app.isAlive() + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// PNG

	/** Deflated scanlines of one flat colour at 16 bits a channel: 8 bytes a pixel, compressed a thousandfold. */
	private static byte[] flatRgba16(int width, int height) {
		byte[] row = new byte[1 + width * 8];
		for (int x = 0; x < width; x++) {
			int at = 1 + x * 8;
			row[at] = (byte) 0xC0;
			row[at + 2] = (byte) 0x80;
			row[at + 4] = (byte) 0x40;
			row[at + 6] = (byte) 0xFF;
			row[at + 7] = (byte) 0xFF;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater, 1 << 16)) {
			for (int y = 0; y < height; y++) {
				deflating.write(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	/** A 16-bit RGBA PNG (colour type 6, depth 16) with a text chunk making its bytes its own. */
	private static byte[] png(int width, int height, byte[] idat, String comment) {
		return Png.of(width, height, 16, 6, idat, comment);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
