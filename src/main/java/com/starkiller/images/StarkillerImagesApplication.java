package com.starkiller.images;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.starkiller.images.seed.SeedCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StarkillerImagesApplication {

	public static void main(String[] args) {
		if (args.length > 0 && SeedCommand.NAME.equals(args[0])) {
			// "seed --listings N" runs the seeder without a web server, then exits.
			String[] seedArgs = Arrays.copyOfRange(args, 1, args.length);
			SpringApplication app = new SpringApplication(StarkillerImagesApplication.class);
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles(SeedCommand.PROFILE);
			System.exit(SpringApplication.exit(app.run(seedArgs)));
		}
		SpringApplication.run(StarkillerImagesApplication.class, args);
	}

}
