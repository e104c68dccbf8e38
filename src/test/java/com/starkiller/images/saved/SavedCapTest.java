package com.starkiller.images.saved;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.starkiller.images.AppInstance;
import com.starkiller.images.Http;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved list stops at its cap with a message that says why, and nothing already saved is lost. */
class SavedCapTest {

	@Test
	void atTheCapSaveSaysWhyAndKeepsTheList() {
		try (AppInstance app = AppInstance.start("starkiller.saved.max=3")) {
			Http http = app.http();
			String session = saveFirst(http, 10);
			for (long id = 11; id <= 12; id++) {
				assertThat(save(http, session, id, "HX-Request", "true").statusCode()).isEqualTo(200);
			}

			HttpResponse<String> htmx = save(http, session, 13, "HX-Request", "true");
			assertThat(htmx.statusCode()).isEqualTo(200);
			Document button = Http.html(htmx);
			assertThat(button.getElementById("save-button").attr("aria-pressed")).isEqualTo("false");
			assertThat(button.selectFirst("[role=status]").text()).contains("You have saved 3 places");

			HttpResponse<String> form = save(http, session, 13);
			assertThat(form.statusCode()).isEqualTo(409);
			assertThat(Http.html(form).selectFirst(".detail").text()).contains("You have saved 3 places");

			// Saving one already saved, or unsaving, still works at the cap.
			assertThat(save(http, session, 12, "HX-Request", "true").body()).doesNotContain("You have saved");
			Document saved = Http.html(http.get("/saved", "Cookie", session));
			assertThat(saved.getElementById("saved-10")).isNotNull();
			assertThat(saved.getElementById("saved-12")).isNotNull();
			assertThat(saved.getElementById("saved-13")).isNull();
		}
	}

	private static String saveFirst(Http http, long id) {
		HttpResponse<String> first = http.post("/saved/" + id, "saved=true", "Sec-Fetch-Site", "same-origin");
		return Http.session(first);
	}

	private static HttpResponse<String> save(Http http, String session, long id, String... headers) {
		String[] all = new String[headers.length + 4];
		all[0] = "Sec-Fetch-Site";
		all[1] = "same-origin";
		all[2] = "Cookie";
		all[3] = session;
		System.arraycopy(headers, 0, all, 4, headers.length);
		return http.post("/saved/" + id, "saved=true", all);
	}

}
