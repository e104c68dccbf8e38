package com.starkiller.images.media;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Jpegs;
import com.starkiller.images.ProxiedInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting an image that MongoDB stops answering half way. Found by review: the delete took the
 * files in the order they were stored, so one cut short after the large variants left the smallest,
 * which marks an image as stored; the next upload of the same bytes then stored nothing, and its
 * photo's larger variants answered 404 for good.
 */
class ImageDeleteTest {

	private static ProxiedInstance instance;

	@BeforeAll
	static void start() {
		instance = ProxiedInstance.start();
	}

	@AfterAll
	static void stop() {
		instance.mongo().cutWhenSent(null);
		instance.close();
	}

	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES)
	void anUploadAfterADeleteCutShortStoresWhatTheDeleteTook() {
		String listing = createListing();
		byte[] jpeg = Jpegs.unique();
		String image = upload(listing, jpeg);

		// MongoDB stops answering when the delete reaches the 800 px variant.
		instance.mongo().cutWhenSent(image + "/800");
		HttpResponse<String> removed = app().http().json("DELETE", listing + "/photos/1", null, AppInstance.AUTH);
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
		instance.mongo().cutWhenSent(null);

		assertThat(upload(listing, jpeg)).isEqualTo(image);
		for (int width : new int[] { 200, 800, 1600 }) {
			assertThat(app().http().getBytes("/media/" + image + "/" + width).statusCode())
				.as("the image at %d after it was uploaded again", width)
				.isEqualTo(200);
		}
	}

	private static AppInstance app() {
		return instance.app();
	}

	private static String createListing() {
		HttpResponse<String> created = app().http()
			.json("POST", "/api/listings", "{\"name\":\"Cut short\",\"location\":{\"city\":\"Bodø\",\"country\":\"Norway\"}}",
					AppInstance.AUTH);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
		assertThat(id.find()).isTrue();
		return "/api/listings/" + id.group(1);
	}

	/** Uploads the photo; the id of its image. */
	private static String upload(String listing, byte[] jpeg) {
		HttpResponse<String> uploaded = app().http().upload(listing + "/photos", "image/jpeg", jpeg, AppInstance.AUTH);
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		Matcher image = Pattern.compile("\"image\":\"([0-9a-f]{32})\"").matcher(uploaded.body());
		assertThat(image.find()).isTrue();
		return image.group(1);
	}

}
