package com.starkiller.images.embedded;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ServerSettingsTest {

	/** Found by review: the message that stops the start (and goes to the log) held the password. */
	@Test
	void aRedisUrlThatDoesNotParseIsNamedWithoutItsPassword() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("spring.data.redis.url", "redis://app:s3cr3t/pa55@cache.internal:6379")));

		assertThatIllegalStateException().isThrownBy(() -> ServerSettings.check(environment))
			.withMessageContaining("spring.data.redis.url (REDIS_URL)")
			.withMessageContaining("redis://***@cache.internal:6379")
			.withMessageNotContaining("s3cr3t")
			.withMessageNotContaining("pa55");
	}

}
