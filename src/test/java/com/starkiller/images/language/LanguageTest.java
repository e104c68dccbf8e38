package com.starkiller.images.language;

import java.net.http.HttpResponse;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;

import com.starkiller.images.Http;
import com.starkiller.images.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of a page: {@code ?lang=} first (remembered in a cookie), then that cookie, then
 * {@code Accept-Language}, then English. Kept pages are one per language and say so in
 * {@code Vary}; the widget takes {@code ?lang=} without remembering it; JSON has no language.
 */
class LanguageTest extends IntegrationTest {

	/** Listing ids no other test reads, so the kept-page counts here are this test's own. */
	private static final long LISTING = 231;

	private static final long OTHER = 232;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApplicationContext context;

	@Test
	void theInterfaceTextComesFromMessagesFormattedWithoutASharedLock() {
		assertThat(this.context.getBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME))
			.isInstanceOf(InterfaceMessages.class);
	}

	@Test
	void acceptLanguagePicksTheBestLanguageWeHaveAndEnglishOtherwise() {
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5"))).isEqualTo("fr");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "ja,de;q=0.7,es;q=0.8"))).isEqualTo("es");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "ar-EG"))).isEqualTo("ar");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "ja, zh;q=0.8"))).isEqualTo("en");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "not a ;;; header"))).isEqualTo("en");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "de;q=" + "1".repeat(400)))).isEqualTo("en");
		assertThat(language(this.http.get("/listings/" + LISTING))).isEqualTo("en");
	}

	/** Found by review: one range that did not parse, or a header past 256 characters, cost the whole header. */
	@Test
	void aMalformedOrLongAcceptLanguageStillCountsItsGoodRanges() {
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "fr;q=abc, de"))).isEqualTo("de");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "ja;q=2, es;q=0.5"))).isEqualTo("es");
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", "de_DE"))).isEqualTo("de");
		StringBuilder many = new StringBuilder("ja, ar;q=0.9");
		for (int i = 0; i < 40; i++) {
			many.append(", x-").append(i).append(";q=0.1");
		}
		assertThat(many.length()).isGreaterThan(256);
		assertThat(language(this.http.get("/listings/" + LISTING, "Accept-Language", many.toString()))).isEqualTo("ar");
	}

	/** Found by review: {@code ?lang=} took only the exact lower-case tag, and then yielded to the cookie. */
	@Test
	void aSwitchTakesTheLanguageInAnyCaseAndWithARegion() {
		for (String asked : new String[] { "FR", "Fr", "fr-CA", "fr_BE" }) {
			HttpResponse<String> page = this.http.get("/listings/" + LISTING + "?lang=" + asked, "Cookie", "STARKILLER_LANG=de");
			assertThat(language(page)).as(asked).isEqualTo("fr");
			assertThat(page.headers().allValues("Set-Cookie")).as(asked).anyMatch((value) -> value.startsWith("STARKILLER_LANG=fr;"));
		}
	}

	/**
	 * Found by review: the switch was remembered on every GET, images and assets too, which caches
	 * keep a year (and a kept Set-Cookie is replayed to everyone); and not on a HEAD of a page.
	 */
	@Test
	void aSwitchIsRememberedOnPagesOnly() {
		String image = Http.html(this.http.get("/listings/" + LISTING)).selectFirst("#background img").attr("src");
		for (String path : new String[] { image + "?lang=fr", "/favicon.ico?lang=fr", "/embed.js?lang=fr" }) {
			HttpResponse<String> answer = this.http.get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));
		}
		HttpResponse<String> json = this.http.get("/images/" + LISTING + "?lang=fr", "Accept", "application/json");
		assertThat(json.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));
		HttpResponse<String> head = this.http.head("/listings/" + LISTING + "?lang=fr");
		assertThat(head.headers().allValues("Set-Cookie")).anyMatch((value) -> value.startsWith("STARKILLER_LANG=fr;"));
	}

	@Test
	void theInterfaceTextNumbersAndDatesAreInThePagesLanguageAndReviewsAsWritten() {
		Document english = Http.html(this.http.get("/reviews/" + LISTING + "?index=1&lang=en"));
		Document german = Http.html(this.http.get("/reviews/" + LISTING + "?index=1&lang=de"));
		Document arabic = Http.html(this.http.get("/reviews/" + LISTING + "?index=1&lang=ar"));

		assertThat(english.selectFirst(".summary").text()).matches("★ \\d\\.\\d\\d · .*reviews?");
		assertThat(german.selectFirst(".summary").text()).matches("★ \\d,\\d\\d · .*Bewertung(en)?");
		assertThat(german.selectFirst("time").text()).matches(
				"(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \\d{4}");
		assertThat(german.getElementById("photos-button").text()).startsWith("Fotos ansehen");
		assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
		assertThat(english.selectFirst("html").attr("dir")).isEqualTo("ltr");
		// Arabic with Latin digits, as the JDKs agree on (Languages.locale).
		assertThat(arabic.getElementById("photos-button").text()).matches(".*\\d.*").doesNotContainPattern("[\\u0660-\\u0669]");
		assertThat(german.selectFirst(".review .text").text()).isEqualTo(english.selectFirst(".review .text").text());
		assertThat(german.getElementById("reviews").attr("data-more-text")).isEqualTo("Weiterlesen");
	}

	@Test
	void aSwitchIsRememberedInACookieSetOnlyWhenItChanges() {
		HttpResponse<String> switched = this.http.get("/listings/" + LISTING + "?lang=es", "Accept-Language", "de");
		String cookie = switched.headers().allValues("Set-Cookie").stream()
			.filter((value) -> value.startsWith("STARKILLER_LANG="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).startsWith("STARKILLER_LANG=es;").contains("Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=");
		assertThat(language(switched)).isEqualTo("es");
		assertThat(switched.headers().firstValue("Content-Language")).hasValue("es");

		HttpResponse<String> remembered = this.http.get("/images/" + LISTING + "?index=2", "Cookie", "STARKILLER_LANG=es",
				"Accept-Language", "de");
		assertThat(language(remembered)).isEqualTo("es");
		assertThat(remembered.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));

		HttpResponse<String> same = this.http.get("/listings/" + LISTING + "?lang=es", "Cookie", "STARKILLER_LANG=es");
		assertThat(same.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));

		// A cookie or ?lang= naming a language we lack is ignored, and not remembered.
		HttpResponse<String> unknown = this.http.get("/listings/" + LISTING + "?lang=xx", "Cookie", "STARKILLER_LANG=zz",
				"Accept-Language", "fr");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(language(unknown)).isEqualTo("fr");
		assertThat(unknown.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));
	}

	@Test
	void theSwitcherLinksEveryLanguageToThisAddressAndMarksTheCurrentOne() {
		Document page = Http.html(this.http.get("/reviews/" + LISTING + "?index=2&lang=fr"));

		List<Element> links = page.select("nav.languages a");
		assertThat(links).extracting((link) -> link.attr("hreflang")).containsExactly("en", "es", "fr", "de", "ar");
		assertThat(links).extracting((link) -> link.attr("href")).allSatisfy((href) ->
				assertThat(href).startsWith("/reviews/" + LISTING + "?index=2&lang="));
		assertThat(page.select("nav.languages a[aria-current=true]")).extracting(Element::text).containsExactly("Français");
		assertThat(page.selectFirst("nav.languages a[hreflang=ar]").attr("lang")).isEqualTo("ar");
		for (Element link : links) {
			assertThat(language(this.http.get(link.attr("href")))).isEqualTo(link.attr("hreflang"));
		}
	}

	@Test
	void keptPagesAreOnePerLanguageAndVarySaysSo() {
		String path = "/images/" + OTHER + "?index=1";
		HttpResponse<String> first = this.http.get(path, "Accept-Language", "fr");
		double afterFirst = keptPages();
		HttpResponse<String> again = this.http.get(path, "Accept-Language", "fr-FR,fr;q=0.9");
		HttpResponse<String> english = this.http.get(path, "Accept-Language", "en-GB");
		double afterEnglish = keptPages();
		HttpResponse<String> englishAgain = this.http.get(path);

		assertThat(again.body()).isEqualTo(first.body());
		assertThat(language(first)).isEqualTo("fr");
		assertThat(language(english)).isEqualTo("en");
		assertThat(englishAgain.body()).isEqualTo(english.body());
		assertThat(english.body()).isNotEqualTo(first.body());
		assertThat(english.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
		assertThat(afterEnglish).isEqualTo(afterFirst + 1);
		assertThat(keptPages()).isEqualTo(afterEnglish);
		for (HttpResponse<String> answer : List.of(first, again, english, englishAgain)) {
			assertThat(String.join(",", answer.headers().allValues("Vary"))).contains("Accept-Language", "Cookie");
		}

		// Made-up Accept-Language headers all land on the five kept forms.
		for (int i = 0; i < 20; i++) {
			this.http.get(path, "Accept-Language", "x-" + i + ",fr;q=0." + (i % 9 + 1));
		}
		assertThat(keptPages()).isEqualTo(afterEnglish);
	}

	@Test
	void theWidgetTakesLangWithoutRememberingIt() {
		HttpResponse<String> widget = this.http.get("/embed/listings/" + LISTING + "?lang=de&reviews=1", "Accept-Language", "fr");

		assertThat(widget.statusCode()).isEqualTo(200);
		assertThat(language(widget)).isEqualTo("de");
		assertThat(Http.html(widget).selectFirst("title").text()).startsWith("Fotos");
		assertThat(widget.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));
		// The fragments the widget asks for carry its language; they remember nothing either.
		HttpResponse<String> fragment = this.http.get("/images/" + LISTING + "?index=2&lang=de", "HX-Request", "true");
		assertThat(fragment.body()).contains("Foto 2 von");
		assertThat(fragment.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));
	}

	@Test
	void searchEnginesAreToldOfEachLanguage() {
		Document page = Http.html(this.http.get("/images/" + LISTING + "?index=1&lang=ar"));

		String url = this.http.origin() + "/listings/" + LISTING;
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url + "?lang=ar");
		assertThat(page.select("link[rel=alternate][hreflang]")).extracting((link) -> link.attr("hreflang") + " " + link.attr("href"))
			.containsExactly("en " + url + "?lang=en", "es " + url + "?lang=es", "fr " + url + "?lang=fr",
					"de " + url + "?lang=de", "ar " + url + "?lang=ar", "x-default " + url);
		// The x-default address (the language from Accept-Language) is its own canonical, also once the
		// Arabic page's shell is held (a listing's shell is made at its second ask).
		for (int i = 0; i < 3; i++) {
			assertThat(Http.html(this.http.get("/listings/" + LISTING + "?lang=ar")).selectFirst("link[rel=canonical]").attr("href"))
				.isEqualTo(url + "?lang=ar");
		}
		for (int i = 0; i < 3; i++) {
			Document negotiated = Http.html(this.http.get("/listings/" + LISTING, "Accept-Language", "ar"));
			assertThat(negotiated.selectFirst("html").attr("lang")).isEqualTo("ar");
			assertThat(negotiated.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		}
	}

	@Test
	void aFragmentComesInTheLanguageOfThePageItGoesIntoWhateverTheCookieSays() {
		// Another tab has switched to Arabic since this French page loaded.
		HttpResponse<String> fragment = this.http.get("/images/" + LISTING + "?index=1", "HX-Request", "true",
				"Starkiller-Language", "fr", "Cookie", "STARKILLER_LANG=ar");
		assertThat(fragment.body()).contains("Photo 1 sur");
		assertThat(String.join(",", fragment.headers().allValues("Vary"))).contains("Starkiller-Language");
		assertThat(fragment.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("STARKILLER_LANG"));

		HttpResponse<String> unknown = this.http.get("/images/" + LISTING + "?index=1", "HX-Request", "true",
				"Starkiller-Language", "<script>", "Cookie", "STARKILLER_LANG=de");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("Foto 1 von").doesNotContain("<script>");
	}

	@Test
	void jsonHasNoLanguage() {
		String path = "/reviews/" + LISTING + "?index=1";
		HttpResponse<String> english = this.http.get(path, "Accept", "application/json");
		HttpResponse<String> arabic = this.http.get(path + "&lang=ar", "Accept", "application/json", "Accept-Language", "ar");

		assertThat(arabic.statusCode()).isEqualTo(200);
		assertThat(arabic.body()).isEqualTo(english.body());
	}

	@Test
	void errorPagesSpeakTheLanguageAndProblemDetailsStayEnglish() {
		HttpResponse<String> page = this.http.get("/listings/not-a-number?lang=es");
		Document document = Http.html(page);

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(document.selectFirst("html").attr("lang")).isEqualTo("es");
		assertThat(document.selectFirst("h1").text()).contains("Solicitud incorrecta");
		assertThat(document.select("nav.languages a[hreflang=de]").attr("href")).startsWith("/listings/not-a-number?lang=de");

		HttpResponse<String> problem = this.http.get("/listings/not-a-number?lang=es", "Accept", "application/json");
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.body()).contains("\"title\":\"Bad Request\"");
	}

	private static String language(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return Http.html(response).selectFirst("html").attr("lang");
	}

	private double keptPages() {
		return this.meters.get("starkiller.rendered.pages").gauge().value();
	}

}
