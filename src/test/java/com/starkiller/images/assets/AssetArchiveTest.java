package com.starkiller.images.assets;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.servlet.resource.ResourceUrlProvider;

import com.starkiller.images.AppInstance;
import com.starkiller.images.FreezableProxy;
import com.starkiller.images.Http;
import com.starkiller.images.TestServers;
import com.starkiller.images.operations.Scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling deploy: an instance of this release and one of the next (its site.css and listing.js
 * differ, so their hashed names do) share MongoDB. Every asset a page of either names is served by
 * the other too, as its own instance serves it; a hashed name nobody archived is still 404. While
 * MongoDB hangs, an instance still starts and serves its own assets and what it fetched before.
 */
class AssetArchiveTest {

	private static final List<String> PAGES = List.of("/listings/1", "/embed/listings/1");

	private static final List<String> COMPARED = List.of("Content-Type", "Cache-Control", "ETag");

	@TempDir
	static Path nextRelease;

	private static AppInstance current;

	private static AppInstance next;

	@BeforeAll
	static void startTwoReleases() throws IOException {
		Files.writeString(nextRelease.resolve("site.css"), bundled("site.css") + "\n.next-release{color:#123456}\n");
		Files.writeString(nextRelease.resolve("listing.js"), bundled("listing.js") + "\n/* next release */\n");
		current = AppInstance.start();
		next = AppInstance.start("spring.web.resources.static-locations=file:" + nextRelease + "/,classpath:/static/");
	}

	@AfterAll
	static void stop() {
		current.close();
		next.close();
	}

	@Test
	void theTwoReleasesNameDifferentStylesheetsAndScripts() {
		Set<String> currentAssets = assets(current.http());
		Set<String> nextAssets = assets(next.http());

		assertThat(currentAssets).anyMatch((path) -> path.matches("/assets/site-[0-9a-f]{32}\\.css"))
			.anyMatch((path) -> path.matches("/assets/listing-[0-9a-f]{32}\\.js"))
			.anyMatch((path) -> path.matches("/assets/widget-[0-9a-f]{32}\\.js"))
			.anyMatch((path) -> path.matches("/webjars/htmx\\.org/[^/]+/dist/htmx\\.min-[0-9a-f]{32}\\.js"));
		assertThat(nextAssets).hasSameSizeAs(currentAssets);
		assertThat(nextAssets).filteredOn((path) -> path.contains("/site-") || path.contains("/listing-"))
			.hasSize(2)
			.doesNotContainAnyElementsOf(currentAssets);
	}

	@Test
	void everyAssetOfTheCurrentReleasesPagesIsServedByTheNextRelease() {
		servedAlike(current.http(), next.http());
	}

	@Test
	void everyAssetOfTheNextReleasesPagesIsServedByTheCurrentRelease() {
		servedAlike(next.http(), current.http());
	}

	@Test
	void anArchivedAssetIsNotModifiedForItsOwnETag() {
		String stylesheet = stylesheet(next.http());
		String etag = next.http().getBytes(stylesheet).headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> revalidated = current.http().getBytes(stylesheet, "If-None-Match", etag);

		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/assets/site-0123456789abcdef0123456789abcdef.css",
			"/assets/listing-0123456789abcdef0123456789abcdef.js",
			"/webjars/htmx.org/1.0.0/dist/htmx.min-0123456789abcdef0123456789abcdef.js", "/assets/nothing.css" })
	void anAssetNobodyArchivedIsNotFound(String path) {
		for (AppInstance instance : List.of(current, next)) {
			HttpResponse<String> response = instance.http().get(path, "Accept", "text/html");

			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("text/html"));
			assertThat(response.body()).contains("There is nothing to show at this address.");
		}
	}

	@Test
	void aHashedPathNobodyArchivedCostsMongoDbOneLookupNotOnePerRequest() {
		String madeUp = "/assets/listing-fedcba9876543210fedcba9876543210.js";
		double before = archiveLookups(current);

		for (int i = 0; i < 5; i++) {
			assertThat(current.http().get(madeUp).statusCode()).isEqualTo(404);
		}

		assertThat(archiveLookups(current) - before).isEqualTo(1);
	}

	/** The finds on the archive's collection this instance sent, from its own MongoDB metrics. */
	private static double archiveLookups(AppInstance instance) {
		return Scrape.of(instance.management().get("/actuator/prometheus").body())
			.sum("mongodb_driver_commands_seconds_count", "command", "find", "collection", AssetArchive.COLLECTION);
	}

	@Test
	void nothingOutsideTheAssetPathsIsAnsweredFromTheArchive() {
		String stylesheet = stylesheet(next.http());

		String elsewhere = stylesheet.substring("/assets".length());

		assertThat(current.http().get(elsewhere).statusCode()).isEqualTo(404);
		assertThat(current.http().get("/media" + stylesheet).statusCode()).isNotEqualTo(200);
	}

	@Test
	void anInstanceOfAReleaseAlreadyArchivedStoresNothing() {
		for (AppInstance instance : List.of(current, next)) {
			List<Asset> own = instance.bean(OwnAssets.class).list();

			assertThat(own).extracting(Asset::path).contains(stylesheet(instance.http()));
			assertThat(instance.bean(AssetArchive.class).storeMissing(own)).isZero();
		}
	}

	@Test
	void whileMongoDbHangsAnInstanceStartsServesItsOwnAssetsAndWhatItFetchedBefore() {
		List<String> nextScripts = assets(next.http()).stream().filter((path) -> path.contains("/listing-")).toList();
		String nextStylesheet = stylesheet(next.http());
		try (FreezableProxy mongo = new FreezableProxy("127.0.0.1", TestServers.mongoPort())) {
			mongo.freeze();
			try (AppInstance cut = AppInstance.start("spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.port() + "/starkiller",
					"starkiller.seed.demo=false")) {
				Http http = cut.http();
				String own = cut.bean(ResourceUrlProvider.class).getForLookupPath("/assets/site.css");

				assertThat(http.get(own).statusCode()).isEqualTo(200);
				assertThat(http.get(nextStylesheet).statusCode()).isEqualTo(404);

				mongo.thaw();
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(http.get(nextStylesheet).statusCode()).isEqualTo(200));
				mongo.freeze();

				assertThat(http.getBytes(nextStylesheet).body()).isEqualTo(next.http().getBytes(nextStylesheet).body());
				assertThat(nextScripts).singleElement()
					.satisfies((script) -> assertThat(http.get(script).statusCode()).isEqualTo(404));
				assertThat(http.get(own).statusCode()).isEqualTo(200);
			}
			finally {
				mongo.thaw();
			}
		}
	}

	/** Each asset a page of {@code owner} names: the same bytes and headers from {@code other}. */
	private static void servedAlike(Http owner, Http other) {
		for (String path : assets(owner)) {
			HttpResponse<byte[]> own = owner.getBytes(path);
			HttpResponse<byte[]> archived = other.getBytes(path);

			assertThat(own.statusCode()).as(path).isEqualTo(200);
			assertThat(archived.statusCode()).as(path).isEqualTo(200);
			assertThat(archived.body()).as(path).isEqualTo(own.body());
			for (String header : COMPARED) {
				assertThat(archived.headers().allValues(header)).as(path + " " + header)
					.isNotEmpty()
					.isEqualTo(own.headers().allValues(header));
			}
		}
	}

	/** The stylesheets and scripts the pages name, as a browser would ask for them. */
	private static Set<String> assets(Http http) {
		Set<String> assets = new LinkedHashSet<>();
		for (String page : PAGES) {
			HttpResponse<String> response = http.get(page, "Accept", "text/html");
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			Document html = Http.html(response);
			Stream.concat(html.select("link[rel=stylesheet][href]").eachAttr("href").stream(),
					html.select("script[src]").eachAttr("src").stream())
				.forEach(assets::add);
		}
		return assets;
	}

	private static String stylesheet(Http http) {
		return assets(http).stream().filter((path) -> path.endsWith(".css")).findFirst().orElseThrow();
	}

	private static String bundled(String name) throws IOException {
		try (InputStream in = AssetArchiveTest.class.getResourceAsStream("/static/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
