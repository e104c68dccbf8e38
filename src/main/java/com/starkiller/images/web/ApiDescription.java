package com.starkiller.images.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's server: the configured public URL, or the description's own origin
 * ({@code /}). Never the request's {@code Host} or {@code X-Forwarded-Host}, which springdoc would
 * otherwise write into it: a description made up by one request and kept by a cache would have
 * Swagger UI's "Try it out" send the bearer token to another host.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI openApi(PublicUrl publicUrl) {
		String url = publicUrl.isConfigured() ? publicUrl.configured() : "/";
		return new OpenAPI().info(new Info().title("Starkiller Images API").version("1"))
			.servers(List.of(new Server().url(url).description("This service")));
	}

}
