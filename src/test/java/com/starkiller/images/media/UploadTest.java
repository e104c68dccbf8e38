package com.starkiller.images.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import com.starkiller.images.IntegrationTest;
import com.starkiller.images.listing.Listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The image upload pipeline over real HTTP: multipart uploads to a listing's photos, the type
 * taken from the bytes, metadata stripped from the served variants, identical uploads stored once,
 * refused uploads answered with problem details and storing nothing, and images deleted with the
 * last listing that uses them. GridFS is the default bucket ({@code fs.files}/{@code fs.chunks}):
 * every stored image is four files (the original and the 200, 800 and 1600 px variants) whose
 * {@code metadata.image} is the image id.
 */
@TestPropertySource(properties = "starkiller.api.token=" + UploadTest.TOKEN)
class UploadTest extends IntegrationTest {

	static final String TOKEN = "test-token-0123456789abcdef0123456789";

	private static final String SECRET = "GPS-SECRET-48.85";

	/** A 1×1 lossless WebP (VP8L), decodable by the TwelveMonkeys reader on the classpath. */
	private static final byte[] WEBP = Base64.getDecoder()
		.decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	private static final int[] WIDTHS = { 200, 800, 1600 };

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Makes every generated image differ, so no upload is deduplicated against another test's. */
	private static final AtomicLong SEED = new AtomicLong(System.nanoTime());

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MediaStore media;

	// 1. Good uploads

	@Test
	void aJpegIsStoredWithItsSizeAndServedInEveryVariant() {
		long listing = createListing("Gradient loft");
		byte[] jpeg = jpeg(2000, 1300);
		long files = gridFsFiles();

		HttpResponse<String> uploaded = upload(listing,
				new Multipart().file("file", "gradient.jpg", "image/jpeg", jpeg).field("caption", "Morning light"));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode photo = single(json(uploaded.body()).path("photos"));
		String image = photo.path("image").asString();
		assertThat(image).isEqualTo(expectedId(jpeg));
		assertThat(photo.path("width").asInt()).isEqualTo(2000);
		assertThat(photo.path("height").asInt()).isEqualTo(1300);
		assertThat(photo.path("caption").asString()).isEqualTo("Morning light");
		assertThat(listing(listing).path("photos")).isEqualTo(json(uploaded.body()).path("photos"));
		assertThat(gridFsFiles()).isEqualTo(files + 4);
		assertThat(gridFsFiles(image)).isEqualTo(4);
		assertThat(original(image).getString("type")).isEqualTo("image/jpeg");

		for (int width : WIDTHS) {
			HttpResponse<byte[]> variant = media(image, width);
			assertThat(variant.statusCode()).isEqualTo(200);
			assertThat(variant.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			BufferedImage decoded = decode(variant.body());
			assertThat(decoded.getWidth()).as("variant " + width).isEqualTo(width);
			assertThat(decoded.getHeight()).as("variant " + width).isEqualTo(Math.round(1300f * width / 2000));
		}
	}

	/** Found by review: an upload was answered 201 without a Location; it names the new photo's URL. */
	@Test
	void anUploadedPhotoIsNamedByTheUrlThatShowsIt() {
		long listing = listingWithAPhoto("Located loft");

		HttpResponse<String> uploaded = upload(listing,
				new Multipart().file("file", "p.jpg", "image/jpeg", jpeg(640, 480)).field("caption", "Balcony"));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String location = uploaded.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/images/" + listing + "?index=2");
		HttpResponse<String> photos = this.http.get(location, "Accept", "application/json");
		assertThat(photos.statusCode()).isEqualTo(200);
		assertThat(json(photos.body()).path("images").get(1).path("caption").asString()).isEqualTo("Balcony");
	}

	@Test
	void anUploadedPhotoCarriesAPlaceholderOfItsOwnColoursThatPagesShowBeneathIt() {
		long listing = createListing("Placeholder loft");
		// Red grows from left to right and green from top to bottom.
		byte[] jpeg = jpeg(2000, 1300);

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "p.jpg", "image/jpeg", jpeg));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String placeholder = single(json(uploaded.body()).path("photos")).path("placeholder").asString();
		assertThat(placeholder).startsWith("data:image/png;base64,").hasSizeLessThan(400);
		BufferedImage preview = decode(Base64.getDecoder().decode(placeholder.substring(placeholder.indexOf(',') + 1)));
		assertThat(preview.getWidth()).isEqualTo(Variants.PLACEHOLDER_WIDTH);
		assertThat(preview.getHeight()).isEqualTo(Math.round(1300f * Variants.PLACEHOLDER_WIDTH / 2000));
		int middle = preview.getHeight() / 2;
		assertThat(red(preview.getRGB(7, middle)) - red(preview.getRGB(0, middle))).as("red grows to the right")
			.isGreaterThan(150);
		assertThat(green(preview.getRGB(3, preview.getHeight() - 1)) - green(preview.getRGB(3, 0)))
			.as("green grows downwards")
			.isGreaterThan(100);

		org.jsoup.nodes.Document page = com.starkiller.images.Http.html(this.http.get("/listings/" + listing));
		assertThat(page.select("#background img.placeholder").attr("src")).isEqualTo(placeholder);
		assertThat(page.select("#background img.placeholder").attr("alt")).isEmpty();
		org.jsoup.nodes.Document photo = com.starkiller.images.Http.html(this.http.get("/images/" + listing + "?index=1"));
		assertThat(photo.select(".slide img.placeholder").attr("src")).isEqualTo(placeholder);
	}

	@Test
	void anImageStoredBeforePlaceholdersIsGivenOneOnceFromItsSmallestVariant(@Autowired ImageUploads uploads) {
		String id = "before-placeholders-" + SEED.incrementAndGet();
		BufferedImage image = gradient(1600, 1000, BufferedImage.TYPE_INT_RGB);
		for (int width : WIDTHS) {
			this.media.store(id, width, encode(Variants.scale(image, width, width * 1000 / 1600), "jpeg"),
					"image/jpeg", 1600, 1000);
		}
		assertThat(this.media.size(id).placeholder()).isNull();

		String placeholder = uploads.ensure(id, () -> fail("a stored image is not painted again")).placeholder();

		assertThat(placeholder).startsWith("data:image/png;base64,");
		assertThat(this.media.size(id).placeholder()).isEqualTo(placeholder);
		assertThat(uploads.ensure(id, () -> fail("a stored image is not painted again")).placeholder())
			.isEqualTo(placeholder);
	}

	private static int red(int rgb) {
		return (rgb >> 16) & 0xFF;
	}

	private static int green(int rgb) {
		return (rgb >> 8) & 0xFF;
	}

	@Test
	void aPngWithAlphaIsAcceptedAndItsTransparencyBecomesWhite() {
		long listing = createListing("Transparent studio");
		BufferedImage argb = gradient(640, 480, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < 480; y++) {
			for (int x = 0; x < 320; x++) {
				argb.setRGB(x, y, 0x00000000);
			}
		}
		byte[] png = encode(argb, "png");
		assertThat(decode(png).getColorModel().hasAlpha()).isTrue();

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "alpha.png", "image/png", png));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode photo = single(json(uploaded.body()).path("photos"));
		String image = photo.path("image").asString();
		assertThat(photo.path("width").asInt()).isEqualTo(640);
		assertThat(photo.path("height").asInt()).isEqualTo(480);
		assertThat(original(image).getString("type")).isEqualTo("image/png");
		BufferedImage small = decode(media(image, 200).body());
		assertThat(small.getWidth()).isEqualTo(200);
		int left = small.getRGB(20, 75);
		assertThat(List.of((left >> 16) & 0xFF, (left >> 8) & 0xFF, left & 0xFF))
			.as("a transparent pixel of the original, in the JPEG variant")
			.allSatisfy((channel) -> assertThat(channel).isGreaterThan(235));
		// Never wider than the original.
		assertThat(decode(media(image, 1600).body()).getWidth()).isEqualTo(640);
	}

	@Test
	void aWebpIsAccepted() {
		BufferedImage local = decode(WEBP);
		assertThat(local.getWidth()).isEqualTo(1);
		assertThat(local.getHeight()).isEqualTo(1);
		long listing = createListing("WebP cabin");

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "tiny.webp", "image/webp", WEBP));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode photo = single(json(uploaded.body()).path("photos"));
		String image = photo.path("image").asString();
		assertThat(photo.path("width").asInt()).isEqualTo(1);
		assertThat(photo.path("height").asInt()).isEqualTo(1);
		assertThat(original(image).getString("type")).isEqualTo("image/webp");
		HttpResponse<byte[]> variant = media(image, 200);
		assertThat(variant.statusCode()).isEqualTo(200);
		assertThat(variant.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(decode(variant.body()).getWidth()).isEqualTo(1);
	}

	// 2. The type comes from the bytes

	@Test
	void aJpegNamedPngSentAsTextIsStoredAsJpeg() {
		long listing = createListing("Misnamed photo");
		byte[] jpeg = jpeg(400, 300);

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "photo.png", "text/plain", jpeg));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String image = single(json(uploaded.body()).path("photos")).path("image").asString();
		assertThat(original(image).getString("type")).isEqualTo("image/jpeg");
		assertThat(decode(media(image, 200).body()).getWidth()).isEqualTo(200);
	}

	@Test
	void textNamedJpgSentAsJpegIsRefusedAsUnsupported() {
		long listing = listingWithAPhoto("Text is not a photo");
		byte[] text = "Not an image at all, just some words.\n".getBytes(StandardCharsets.UTF_8);

		assertRefusedStoringNothing(listing, 415,
				() -> upload(listing, new Multipart().file("file", "holiday.jpg", "image/jpeg", text)));
		assertThat(media(expectedId(text), 200).statusCode()).isEqualTo(404);
	}

	// 3. Metadata is stripped

	@Test
	void exifAndCommentsDoNotSurviveInTheServedVariants() {
		long listing = createListing("Secret location");
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiffWithDescription(SECRET));
		byte[] comment = ("Shot at " + SECRET + " N").getBytes(StandardCharsets.ISO_8859_1);
		byte[] tagged = afterSoi(jpeg(1800, 1200), segment(0xE1, exif), segment(0xFE, comment));
		assertThat(latin1(tagged)).contains(SECRET);
		assertThat(decode(tagged).getWidth()).isEqualTo(1800);

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "gps.jpg", "image/jpeg", tagged));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		String image = single(json(uploaded.body()).path("photos")).path("image").asString();
		for (int width : WIDTHS) {
			HttpResponse<byte[]> variant = media(image, width);
			assertThat(variant.statusCode()).isEqualTo(200);
			assertThat(latin1(variant.body())).as("variant " + width).doesNotContain(SECRET).doesNotContain("Exif");
		}
		// The original (which still has the metadata) is kept, but never served.
		assertThat(this.http.getBytes("/media/" + image + "/original").statusCode()).isEqualTo(404);
	}

	// 4. Identical uploads are stored once

	@Test
	void theSameBytesUploadedTwiceAreStoredOnce() {
		long first = createListing("First of two");
		long second = createListing("Second of two");
		byte[] jpeg = jpeg(900, 600);
		long before = gridFsFiles();

		HttpResponse<String> one = upload(first, new Multipart().file("file", "a.jpg", "image/jpeg", jpeg));
		long afterFirst = gridFsFiles();
		HttpResponse<String> two = upload(second, new Multipart().file("file", "b.jpg", "image/jpeg", jpeg));

		assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
		assertThat(two.statusCode()).as(two.body()).isEqualTo(201);
		String image = single(json(one.body()).path("photos")).path("image").asString();
		assertThat(single(json(two.body()).path("photos")).path("image").asString()).isEqualTo(image);
		assertThat(afterFirst).isEqualTo(before + 4);
		assertThat(gridFsFiles()).isEqualTo(afterFirst);
		assertThat(gridFsFiles(image)).isEqualTo(4);
	}

	// 5. Bad uploads: a clean 4xx with problem details, and nothing stored

	@Test
	void anEmptyFileIsRefused() {
		long listing = listingWithAPhoto("Empty upload");

		assertRefusedStoringNothing(listing, 400,
				() -> upload(listing, new Multipart().file("file", "empty.jpg", "image/jpeg", new byte[0])));
	}

	@Test
	void aTruncatedJpegIsRefused() {
		long listing = listingWithAPhoto("Truncated upload");
		byte[] jpeg = jpeg(1200, 800);
		byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 5);

		assertRefusedStoringNothing(listing, 400,
				() -> upload(listing, new Multipart().file("file", "cut.jpg", "image/jpeg", truncated)));
		assertThat(media(expectedId(truncated), 200).statusCode()).isEqualTo(404);
	}

	@Test
	void aPngDeclaringTooManyPixelsIsRefusedBeforeDecoding() {
		long listing = listingWithAPhoto("Decompression bomb");
		// The same construction at a sane size is a valid PNG the app accepts.
		byte[] small = png(3, 2, deflate(new byte[2 * (1 + 3 * 3)]));
		HttpResponse<String> control = upload(listing, new Multipart().file("file", "small.png", "image/png", small));
		assertThat(control.statusCode()).as(control.body()).isEqualTo(201);
		byte[] bomb = png(20000, 20000, deflate(new byte[64]));
		assertThat(declaredSize(bomb)).containsExactly(20000, 20000);

		HttpResponse<String> refused = assertRefusedStoringNothing(listing, 413,
				() -> upload(listing, new Multipart().file("file", "bomb.png", "image/png", bomb)));

		// The header's size, read before any pixel is decoded (decoding would need 1.6 GB).
		assertThat(json(refused.body()).path("detail").asString()).contains("declares 20000×20000 pixels");
		assertThat(media(expectedId(bomb), 200).statusCode()).isEqualTo(404);
		assertThat(this.http.get("/api/listings/" + listing).statusCode()).isEqualTo(200);
	}

	@Test
	void aPngTallerThanAJpegCanBeIsRefused() {
		long listing = listingWithAPhoto("Too tall");
		// One pixel wide and 70,000 tall: few pixels, but no JPEG variant can hold it.
		byte[] tall = Png.of(1, 70_000, 8, 0, deflate(new byte[2 * 70_000]), null);

		HttpResponse<String> refused = assertRefusedStoringNothing(listing, 400,
				() -> upload(listing, new Multipart().file("file", "tall.png", "image/png", tall)));

		assertThat(json(refused.body()).path("detail").asString()).contains("1×70000 pixels");
		assertThat(media(expectedId(tall), 200).statusCode()).isEqualTo(404);
	}

	@Test
	void aFiftyMegabyteBodyIsRefusedAsTooLarge() {
		long listing = listingWithAPhoto("Huge upload");
		byte[] huge = new byte[50 * 1024 * 1024];
		byte[] start = jpeg(64, 64);
		System.arraycopy(start, 0, huge, 0, start.length);

		HttpResponse<String> refused = assertRefusedStoringNothing(listing, 413, () -> {
			try {
				return send("POST", "/api/listings/" + listing + "/photos",
						new Multipart().file("file", "huge.jpg", "image/jpeg", huge), true, Duration.ofSeconds(90));
			}
			catch (UncheckedIOException ex) {
				return fail("The client got no 413 for a 50 MB multipart body: the server closed the connection "
						+ "before answering (" + ex.getCause() + ")", ex);
			}
		});
		assertThat(json(refused.body()).path("detail").asString()).contains("10 MB a file");
		assertThat(this.http.get("/api/listings/" + listing).statusCode()).isEqualTo(200);
	}

	/**
	 * Found by review: a page route answered a multipart failure as problem details, saying "0 MB".
	 * Save, the one page route that takes a body, now takes only a form-encoded one: a multipart
	 * body, too large or unreadable, gets the error page before any of it is parsed.
	 */
	@Test
	void aMultipartBodyOnAPageIsAnsweredWithTheErrorPage() throws Exception {
		String tooLarge = postWhileReading("/saved/15000", 12 * 1024 * 1024);
		HttpResponse<String> unreadable = send(request("/saved/15000", Duration.ofSeconds(20))
			.header("Content-Type", "multipart/form-data; boundary=nothing")
			.header("Accept", "text/html")
			.header("Sec-Fetch-Site", "same-origin")
			.POST(BodyPublishers.ofString("garbage"))
			.build());

		assertThat(tooLarge).startsWith("HTTP/1.1 415").containsIgnoringCase("content-type: text/html")
			.contains("id=\"error-title\"")
			.doesNotContain("0 MB.");
		assertThat(unreadable.statusCode()).isEqualTo(415);
		assertThat(unreadable.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(unreadable.body()).contains("id=\"error-title\"");
	}

	/**
	 * A form post of a file this large, without the token, as a browser sends it: the answer is read
	 * while the body is still being written, since the app stops reading a large body it refused
	 * from an unauthenticated client (security.RefusedBodies) and closes the connection after it.
	 */
	private String postWhileReading(String path, int fileBytes) throws Exception {
		Multipart form = new Multipart().field("saved", "true").file("file", "huge.bin", "application/octet-stream",
				new byte[fileBytes]);
		byte[] body = form.bytes();
		String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nSec-Fetch-Site: same-origin\r\n"
				+ "Content-Type: " + form.contentType() + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", this.http.port())) {
			socket.setSoTimeout(60_000);
			ExecutorService writer = Executors.newSingleThreadExecutor();
			try {
				writer.submit(() -> {
					try {
						socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
						socket.getOutputStream().write(body);
					}
					catch (IOException closedEarly) {
						// The app answered and closed before the whole body was sent.
					}
				});
				return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			finally {
				writer.shutdownNow();
			}
		}
	}

	/**
	 * Found by review: a multipart caption was cut to 200 UTF-16 code units, so an emoji across the
	 * boundary was stored as U+FFFD, where the JSON route refuses a caption over 200. Both routes now
	 * count alike and refuse alike, before anything is stored, without repeating the caption.
	 */
	@Test
	void anUploadsCaptionIsCheckedAsTheJsonRouteChecksIt() {
		long listing = listingWithAPhoto("Long captions");
		String photos = "/api/listings/" + listing + "/photos";
		// U+1F305 SUNRISE is two UTF-16 code units: the longest caption is 200, the other 201.
		String longest = "a".repeat(198) + "\uD83C\uDF05";
		String over = "a".repeat(199) + "\uD83C\uDF05";

		HttpResponse<String> uploaded = assertRefusedStoringNothing(listing, 400, () -> upload(listing,
				new Multipart().file("file", "p.jpg", "image/jpeg", jpeg(640, 480)).field("caption", over)));
		HttpResponse<String> replaced = assertRefusedStoringNothing(listing, 400,
				() -> send("PUT", photos + "/1", new Multipart().file("file", "p.jpg", "image/jpeg", jpeg(640, 480))
					.field("caption", over), true, Duration.ofSeconds(30)));
		HttpResponse<String> referred = assertRefusedStoringNothing(listing, 400,
				() -> send("POST", photos, "{\"image\":\"demo-002\",\"caption\":\"" + over + "\"}"));

		for (HttpResponse<String> refused : List.of(uploaded, replaced)) {
			assertThat(json(refused.body()).path("detail").asString()).isEqualTo("Invalid fields: caption.");
			assertThat(json(refused.body()).path("errors")).isEqualTo(json(referred.body()).path("errors"));
			assertThat(refused.body()).doesNotContain("aaaa");
		}
		HttpResponse<String> kept = upload(listing,
				new Multipart().file("file", "p.jpg", "image/jpeg", jpeg(641, 480)).field("caption", longest));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
		assertThat(json(kept.body()).path("photos").get(1).path("caption").asString()).isEqualTo(longest);
	}

	@Test
	void aMultipartRequestWithoutAFilePartIsRefused() {
		long listing = listingWithAPhoto("No file part");

		assertRefusedStoringNothing(listing, 400,
				() -> upload(listing, new Multipart().field("caption", "Where is the file?")));
	}

	@Test
	void anUploadTakesTheRoomItShows() {
		long listing = createListing("Upload with a room");

		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "bath.jpg", "image/jpeg",
				jpeg(640, 480)).field("caption", "Tub").field("room", "bathroom 2"));
		HttpResponse<String> without = upload(listing, new Multipart().file("file", "hall.jpg", "image/jpeg",
				jpeg(640, 480)));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		assertThat(without.statusCode()).as(without.body()).isEqualTo(201);
		JsonNode photos = listing(listing).path("photos");
		assertThat(photos.get(0).path("room").asString()).isEqualTo("Bathroom 2");
		assertThat(photos.get(1).has("room")).isFalse();
	}

	@Test
	void anUploadOrReplacementWithAnUnknownRoomIsRefusedBeforeTheImageIsStored() {
		long listing = listingWithAPhoto("Upload with a wrong room");
		byte[] jpeg = jpeg(640, 480);

		HttpResponse<String> refused = assertRefusedStoringNothing(listing, 400, () -> upload(listing,
				new Multipart().file("file", "garage.jpg", "image/jpeg", jpeg).field("room", "Garage")));
		assertRefusedStoringNothing(listing, 400, () -> send("PUT", "/api/listings/" + listing + "/photos/1",
				new Multipart().file("file", "garage.jpg", "image/jpeg", jpeg).field("room", "Bedroom 0"), true,
				Duration.ofSeconds(30)));

		assertThat(json(refused.body()).path("detail").asString()).startsWith("room must be one of");
		assertThat(media(expectedId(jpeg), 200).statusCode()).isEqualTo(404);
	}

	@Test
	void aRefusedRoomCountsNoUseOfAnUploadedImage() {
		long listing = createListing("Refused room, counted uses");
		String image = uploadedImage(listing, jpeg(640, 480));
		long uses = uses(image);

		assertRefusedStoringNothing(listing, 400, () -> send("POST", "/api/listings/" + listing + "/photos",
				"{\"image\":\"" + image + "\",\"room\":\"Cellar\"}"));
		assertRefusedStoringNothing(listing, 400, () -> send("PUT", "/api/listings/" + listing + "/photos/1",
				"{\"image\":\"" + image + "\",\"room\":\"Cellar\"}"));

		assertThat(uses(image)).isEqualTo(uses).isEqualTo(1);
	}

	@Test
	void aReorderNamingUnknownPhotosIsRefusedAndChangesNothing() {
		long listing = listingWithAPhoto("Reordered", "demo-001", "demo-002");
		HttpResponse<String> swapped = send("PUT", "/api/listings/" + listing + "/photos/order", "{\"order\":[2,1]}");
		assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(200);
		assertThat(images(listing)).containsExactly("demo-002", "demo-001");

		assertRefusedStoringNothing(listing, 400,
				() -> send("PUT", "/api/listings/" + listing + "/photos/order", "{\"order\":[1,7]}"));
		assertThat(images(listing)).containsExactly("demo-002", "demo-001");
	}

	// 6. Uploads need the token

	@Test
	void uploadsWithoutTheTokenAreUnauthorizedAndStoreNothing() {
		long listing = listingWithAPhoto("Anonymous upload");
		byte[] jpeg = jpeg(500, 400);

		assertRefusedStoringNothing(listing, 401,
				() -> send("POST", "/api/listings/" + listing + "/photos",
						new Multipart().file("file", "anon.jpg", "image/jpeg", jpeg), false, Duration.ofSeconds(20)));
		assertRefusedStoringNothing(listing, 401,
				() -> send("POST", "/api/listings/" + listing + "/photos",
						new Multipart().file("file", "anon.jpg", "image/jpeg", jpeg), false, Duration.ofSeconds(20),
						"Authorization", "Bearer not-the-token"));
		assertThat(media(expectedId(jpeg), 200).statusCode()).isEqualTo(404);
	}

	// 7. Deleting a listing deletes the images only it used

	@Test
	void deletingAListingDeletesOnlyTheImagesNoOtherListingUses() {
		long doomed = createListing("Doomed");
		long other = createListing("Survivor");
		byte[] own = jpeg(700, 500);
		byte[] shared = jpeg(600, 400);
		String ownId = uploadedImage(doomed, own);
		String sharedId = uploadedImage(doomed, shared);
		assertThat(uploadedImage(other, shared)).isEqualTo(sharedId);
		assertThat(send("POST", "/api/listings/" + doomed + "/photos", "{\"image\":\"demo-001\",\"caption\":\"Pool\"}")
			.statusCode()).isEqualTo(201);
		assertThat(images(doomed)).containsExactly(ownId, sharedId, "demo-001");
		long demoFiles = this.mongo.getCollection("fs.files").countDocuments(Filters.regex("_id", "^demo-001/"));
		assertThat(demoFiles).isPositive();
		// Every image is served (and so cached) before the delete, as it would be in production.
		for (String image : List.of(ownId, sharedId, "demo-001")) {
			for (int width : WIDTHS) {
				assertThat(media(image, width).statusCode()).as(image + "/" + width).isEqualTo(200);
			}
		}

		HttpResponse<String> deleted = send("DELETE", "/api/listings/" + doomed, null);

		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		assertThat(this.http.get("/api/listings/" + doomed).statusCode()).isEqualTo(404);
		assertThat(gridFsFiles(ownId)).isZero();
		assertThat(gridFsFiles(sharedId)).isEqualTo(4);
		assertThat(this.mongo.getCollection("fs.files").countDocuments(Filters.regex("_id", "^demo-001/")))
			.isEqualTo(demoFiles);
		for (int width : WIDTHS) {
			assertThat(media(ownId, width).statusCode()).as("deleted image at " + width).isEqualTo(404);
			assertThat(media(sharedId, width).statusCode()).as("shared image at " + width).isEqualTo(200);
			assertThat(media("demo-001", width).statusCode()).as("pool image at " + width).isEqualTo(200);
		}
		assertThat(images(other)).containsExactly(sharedId);
	}

	// 8. Identical uploads at once, retries, and deletes racing new uses

	@Test
	void identicalUploadsAtOnceBothSucceedAndStoreTheBytesOnce() throws Exception {
		long first = createListing("Twin one");
		long second = createListing("Twin two");
		byte[] jpeg = jpeg(900, 600);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<HttpResponse<String>> one = pool.submit(
					() -> upload(first, new Multipart().file("file", "a.jpg", "image/jpeg", jpeg)));
			Future<HttpResponse<String>> two = pool.submit(
					() -> upload(second, new Multipart().file("file", "b.jpg", "image/jpeg", jpeg)));
			assertThat(one.get().statusCode()).as(one.get().body()).isEqualTo(201);
			assertThat(two.get().statusCode()).as(two.get().body()).isEqualTo(201);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(gridFsFiles(expectedId(jpeg))).isEqualTo(4);
		for (int width : WIDTHS) {
			assertThat(media(expectedId(jpeg), width).statusCode()).isEqualTo(200);
		}
		assertThat(images(first)).containsExactly(expectedId(jpeg));
		assertThat(images(second)).containsExactly(expectedId(jpeg));
	}

	@Test
	void aRetryAfterAHalfStoredUploadSucceeds() {
		long listing = createListing("Half stored");
		byte[] jpeg = jpeg(1000, 700);
		String id = expectedId(jpeg);
		// What an upload that died part way leaves: the original and the largest variant, and the
		// chunks of the next variant without its file document.
		this.media.storeOriginal(id, jpeg, "image/jpeg", 1000, 700);
		this.media.store(id, 1600, jpeg, "image/jpeg", 1000, 700);
		this.mongo.getCollection("fs.chunks").insertOne(new Document("files_id", id + "/800").append("n", 0)
			.append("data", new org.bson.types.Binary(new byte[] { 1, 2, 3 })));

		String stored = uploadedImage(listing, jpeg);

		assertThat(stored).isEqualTo(id);
		assertThat(gridFsFiles(id)).isEqualTo(4);
		for (int width : WIDTHS) {
			HttpResponse<byte[]> variant = this.http.getBytes("/media/" + id + "/" + width);
			assertThat(variant.statusCode()).isEqualTo(200);
			assertThat(decode(variant.body()).getWidth()).isLessThanOrEqualTo(width);
		}
	}

	@Test
	void anImageDeletedWhileAnotherListingStartsUsingItIsKeptOrRestored() throws Exception {
		// A listing whose only photo is an upload; deleting it races with another listing adding it.
		for (int round = 0; round < 5; round++) {
			long doomed = createListing("Doomed " + round);
			long other = createListing("Taker " + round);
			byte[] jpeg = jpeg(640, 480);
			String id = uploadedImage(doomed, jpeg);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				Future<HttpResponse<String>> delete = pool.submit(() -> send("DELETE", "/api/listings/" + doomed, null));
				Future<HttpResponse<String>> take = pool.submit(() -> send("POST", "/api/listings/" + other + "/photos",
						"{\"image\":\"" + id + "\",\"caption\":\"Taken\"}"));
				assertThat(delete.get().statusCode()).isEqualTo(204);
				int taken = take.get().statusCode();
				// Either the photo was added and its image is kept, or the image was gone first: 400.
				assertThat(taken).as(take.get().body()).isIn(201, 400);
				if (taken == 201) {
					assertThat(gridFsFiles(id)).as("files of a used image").isEqualTo(4);
					assertThat(media(id, 200).statusCode()).isEqualTo(200);
				}
				else {
					assertThat(images(other)).isEmpty();
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	// The API, over java.net.http

	private long createListing(String name) {
		HttpResponse<String> created = send("POST", "/api/listings",
				"{\"name\":\"" + name + "\",\"location\":{\"city\":\"Oslo\",\"country\":\"Norway\"}}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created.body()).path("id").asLong();
	}

	/** A new listing showing the given stored images (demo-001 if none are named). */
	private long listingWithAPhoto(String name, String... images) {
		long listing = createListing(name);
		for (String image : (images.length == 0) ? new String[] { "demo-001" } : images) {
			HttpResponse<String> added = send("POST", "/api/listings/" + listing + "/photos",
					"{\"image\":\"" + image + "\",\"caption\":\"From the pool\"}");
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		}
		return listing;
	}

	private String uploadedImage(long listing, byte[] jpeg) {
		HttpResponse<String> uploaded = upload(listing, new Multipart().file("file", "p.jpg", "image/jpeg", jpeg));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode photos = json(uploaded.body()).path("photos");
		return photos.get(photos.size() - 1).path("image").asString();
	}

	private HttpResponse<String> upload(long listing, Multipart body) {
		return send("POST", "/api/listings/" + listing + "/photos", body, true, Duration.ofSeconds(30));
	}

	private JsonNode listing(long id) {
		HttpResponse<String> response = this.http.get("/api/listings/" + id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response.body());
	}

	private List<String> images(long listing) {
		List<String> images = new ArrayList<>();
		listing(listing).path("photos").forEach((photo) -> images.add(photo.path("image").asString()));
		return images;
	}

	private HttpResponse<byte[]> media(String image, int width) {
		return this.http.getBytes("/media/" + image + "/" + width);
	}

	/**
	 * Checks a clean problem-details refusal that left GridFS and the listing's stored photos as they
	 * were.
	 */
	private HttpResponse<String> assertRefusedStoringNothing(long listing, int status,
			Supplier<HttpResponse<String>> request) {
		long files = gridFsFiles();
		Object photos = storedPhotos(listing);

		HttpResponse<String> response = request.get();

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(gridFsFiles()).as("GridFS files").isEqualTo(files);
		assertThat(storedPhotos(listing)).as("stored photos").isEqualTo(photos);
		return response;
	}

	/** The photos of the listing as stored in MongoDB (not as cached). */
	private Object storedPhotos(long listing) {
		Document stored = this.mongo.getCollection(Listing.COLLECTION).find(Filters.eq("_id", listing)).first();
		assertThat(stored).as("listing " + listing + " in MongoDB").isNotNull();
		return stored.get("photos");
	}

	/** How many photos use an uploaded image, as counted in {@code image_refs}. */
	private long uses(String image) {
		Document refs = this.mongo.getCollection(ImageRefs.COLLECTION).find(Filters.eq("_id", image)).first();
		return (refs != null) ? refs.get("count", Number.class).longValue() : 0;
	}

	private long gridFsFiles() {
		return this.mongo.getCollection("fs.files").countDocuments();
	}

	private long gridFsFiles(String image) {
		return this.mongo.getCollection("fs.files").countDocuments(Filters.eq("metadata.image", image));
	}

	private Document original(String image) {
		Document file = this.mongo.getCollection("fs.files").find(Filters.eq("_id", image + "/original")).first();
		assertThat(file).as("the stored original of " + image).isNotNull();
		return file.get("metadata", Document.class);
	}

	private HttpResponse<String> send(String method, String path, String json) {
		HttpRequest.Builder request = request(path, Duration.ofSeconds(20)).header("Authorization", "Bearer " + TOKEN);
		if (json == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(json));
		}
		return send(request.build());
	}

	private HttpResponse<String> send(String method, String path, Multipart body, boolean token, Duration timeout,
			String... headers) {
		HttpRequest.Builder request = request(path, timeout).header("Content-Type", body.contentType());
		if (token) {
			request.header("Authorization", "Bearer " + TOKEN);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.method(method, body.publisher()).build());
	}

	private HttpRequest.Builder request(String path, Duration timeout) {
		return HttpRequest.newBuilder(URI.create(this.http.origin() + path)).timeout(timeout);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	private static JsonNode single(JsonNode photos) {
		assertThat(photos.size()).as(photos.toString()).isEqualTo(1);
		return photos.get(0);
	}

	/** A multipart/form-data body, sent with its length known (so the server can refuse it early). */
	private static final class Multipart {

		private final String boundary = "UploadTest" + UUID.randomUUID().toString().replace("-", "");

		private final List<byte[]> parts = new ArrayList<>();

		Multipart field(String name, String value) {
			text("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			return this;
		}

		Multipart file(String name, String filename, String contentType, byte[] content) {
			text("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			this.parts.add(content);
			text("\r\n");
			return this;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		BodyPublisher publisher() {
			List<BodyPublisher> publishers = new ArrayList<>();
			this.parts.forEach((part) -> publishers.add(BodyPublishers.ofByteArray(part)));
			publishers.add(BodyPublishers.ofString("--" + this.boundary + "--\r\n"));
			return BodyPublishers.concat(publishers.toArray(BodyPublisher[]::new));
		}

		byte[] bytes() {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			this.parts.forEach(body::writeBytes);
			body.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return body.toByteArray();
		}

		private void text(String text) {
			this.parts.add(text.getBytes(StandardCharsets.UTF_8));
		}

	}

	// Images

	/** A gradient with a random block in one corner, so every call gives different bytes. */
	private static BufferedImage gradient(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int r = x * 255 / Math.max(1, width - 1);
				int g = y * 255 / Math.max(1, height - 1);
				row[x] = 0xFF000000 | (r << 16) | (g << 8) | ((r + g) / 2);
			}
			image.setRGB(0, y, width, 1, row, 0, width);
		}
		Random random = new Random(SEED.incrementAndGet());
		for (int y = height - 16; y < height; y++) {
			for (int x = width - 16; x < width; x++) {
				image.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
			}
		}
		return image;
	}

	private static byte[] jpeg(int width, int height) {
		return encode(gradient(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			assertThat(ImageIO.write(image, format, out)).isTrue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			assertThat(image).as("decodable image").isNotNull();
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Width and height from the header alone, as a reader reports them without decoding. */
	private static int[] declaredSize(byte[] bytes) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			assertThat(readers.hasNext()).isTrue();
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				return new int[] { reader.getWidth(0), reader.getHeight(0) };
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An 8-bit RGB PNG: signature, IHDR declaring the size, one IDAT and IEND, each with its CRC. */
	private static byte[] png(int width, int height, byte[] idat) {
		return Png.of(width, height, 8, 2, idat, null);
	}

	private static byte[] deflate(byte[] raw) {
		Deflater deflater = new Deflater();
		deflater.setInput(raw);
		deflater.finish();
		byte[] buffer = new byte[raw.length + 64];
		int length = deflater.deflate(buffer);
		deflater.end();
		return Arrays.copyOf(buffer, length);
	}

	/** A JPEG marker segment: FF, the marker, the length (counting itself) and the payload. */
	private static byte[] segment(int marker, byte[] payload) {
		int length = payload.length + 2;
		return concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length }, payload);
	}

	/** A little-endian TIFF (as EXIF holds it) with one IFD entry, ImageDescription = {@code text}. */
	private static byte[] tiffWithDescription(String text) {
		byte[] ascii = (text + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(26 + ascii.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x010E).putShort((short) 2).putInt(ascii.length).putInt(26);
		tiff.putInt(0);
		tiff.put(ascii);
		return tiff.array();
	}

	private static byte[] afterSoi(byte[] jpeg, byte[]... segments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		for (byte[] segment : segments) {
			out.writeBytes(segment);
		}
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	/** The id the app gives uploaded bytes: the first 32 hex digits of their SHA-256. */
	private static String expectedId(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
