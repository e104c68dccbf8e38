package com.starkiller.images.listing;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Each route with and without {@code HX-Request}: a fragment for htmx, the whole page otherwise. */
class RoutesTest extends IntegrationTest {

	@ParameterizedTest(name = "{0} with HX-Request {1}")
	@CsvSource({ "/listings/15, false, image-service", "/images/15?index=2, false, lightbox-container",
			"/images/15?index=2, true, lightbox-container", "/reviews/15?index=1, false, reviews",
			"/reviews/15?index=1, true, reviews", "/listings/15/photos, false, main", "/listings/15/photos, true, main" })
	void answersFragmentOrPage(String path, boolean htmx, String elementId) {
		HttpResponse<String> response = htmx ? this.http.get(path, "HX-Request", "true") : this.http.get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().allValues("Vary")).contains("HX-Request", "Accept");
		assertThat(response.body().contains("<html")).isEqualTo(!htmx);
		assertThat(Http.html(response).getElementById(elementId)).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ "/images/15?index=3", "/reviews/15?index=2" })
	void historyRestoreGetsTheWholePage(String path) {
		HttpResponse<String> response = this.http.get(path, "HX-Request", "true", "HX-History-Restore-Request",
				"true");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<html");
		assertThat(Http.html(response).getElementById("image-service")).isNotNull();
	}

}
