package com.starkiller.images;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The app on a random port against {@link TestServers}, with a small demo seed. Every test class
 * extending this shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "starkiller.seed.demo=true", "starkiller.seed.demo-listings=" + IntegrationTest.LISTINGS,
				"starkiller.seed.image-pool=6",
				"starkiller.seed.batch-size=20" })
@TestPropertySource(properties = "starkiller.api.token=" + IntegrationTest.TOKEN)
@Import(MongoCommands.class)
public abstract class IntegrationTest {

	public static final int LISTINGS = 300;

	public static final String TOKEN = "integration-test-token-0123456789abcdef";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	protected Http http;

	/** The management port: actuator endpoints and health details. */
	protected Http management;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		TestServers.register(registry);
	}

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
		this.management = new Http(this.managementPort);
	}

}
