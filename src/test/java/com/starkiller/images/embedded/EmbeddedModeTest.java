package com.starkiller.images.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.starkiller.images.Http;
import com.starkiller.images.StarkillerImagesApplication;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Location;

import static org.assertj.core.api.Assertions.assertThat;

/** With nothing configured the app runs its own MongoDB and Redis, and a restart keeps the data. */
class EmbeddedModeTest {

	@TempDir
	Path dataDir;

	@Test
	void startsItsOwnServersSeedsOnceAndKeepsDataAcrossARestart() throws IOException {
		long marker = 777_777;
		// A link left where the generated write token goes: the token must not be written through it.
		Path elsewhere = Files.createDirectories(this.dataDir.resolve("elsewhere")).resolve("token");
		Files.createSymbolicLink(this.dataDir.resolve("api-token"), elsewhere);
		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(MongoServer.class)).isNotNull();
			assertThat(first.getBean(RedisServer.class).isActive()).isTrue();
			ListingRepository listings = first.getBean(ListingRepository.class);
			assertThat(listings.count()).isEqualTo(25);
			listings.save(new Listing(marker, "Kept", new Location("Turku", "Finland"), List.of(), 0, 0, 1));
			assertThat(new Http(port(first)).get("/reviews/15?index=1").statusCode()).isEqualTo(200);
		}
		assertThat(Files.exists(this.dataDir.resolve("mongo.mv.db"))).isTrue();
		Path token = this.dataDir.resolve("api-token");
		assertThat(Files.isSymbolicLink(token)).isFalse();
		assertThat(Files.exists(elsewhere)).isFalse();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
		assertThat(Files.readString(token).strip()).hasSize(48);

		try (ConfigurableApplicationContext second = start()) {
			ListingRepository listings = second.getBean(ListingRepository.class);
			assertThat(listings.count()).isEqualTo(26);
			assertThat(listings.findById(marker)).hasValueSatisfying((kept) -> assertThat(kept.name()).isEqualTo("Kept"));
			assertThat(new Http(port(second)).get("/listings/" + marker).statusCode()).isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(StarkillerImagesApplication.class)
			.run("--server.port=0", "--starkiller.data-dir=" + this.dataDir, "--starkiller.seed.demo-listings=25",
					"--starkiller.seed.image-pool=2", "--starkiller.seed.batch-size=10");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
