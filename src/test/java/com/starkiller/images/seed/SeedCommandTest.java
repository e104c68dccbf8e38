package com.starkiller.images.seed;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.starkiller.images.StarkillerImagesApplication;
import com.starkiller.images.listing.ListingRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented seed command, as main() runs it: no web server, embedded servers, then exit. */
class SeedCommandTest {

	@TempDir
	Path dataDir;

	@Test
	void seedsTheRequestedListingsOnTheEmbeddedDefaults() {
		SpringApplication app = new SpringApplication(StarkillerImagesApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles(SeedCommand.PROFILE);
		try (ConfigurableApplicationContext context = app.run("--listings", "15",
				"--starkiller.data-dir=" + this.dataDir, "--starkiller.seed.image-pool=2")) {
			assertThat(context.getBean(ListingRepository.class).count()).isEqualTo(15);
			assertThat(SpringApplication.exit(context)).isZero();
		}
	}

	@Test
	void readsBothOptionForms() {
		assertThat(SeedCommand.options(new String[] { "--listings", "10_000_000", "--seed=7" }))
			.containsEntry("listings", 10_000_000L)
			.containsEntry("seed", 7L);
		assertThat(SeedCommand.options(new String[] { "--listings", "many" })).isEmpty();
		assertThat(SeedCommand.options(new String[] { "--listings=5", "--server.port=0" }))
			.containsOnlyKeys("listings");
	}

}
