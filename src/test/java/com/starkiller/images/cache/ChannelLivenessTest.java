package com.starkiller.images.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Trust in the channel counts from when an echo was sent, not from when it came back. */
class ChannelLivenessTest {

	@Test
	void anEchoThatComesBackAtOnceIsTrusted() {
		ChannelLiveness liveness = subscribed();

		liveness.echoHeard(liveness.echoSent());

		assertThat(liveness.hearsChannel()).isTrue();
		assertThat(liveness.echoDue()).isTrue();
	}

	/** Messages published before it were as late: evictions may not have reached this instance. */
	@Test
	void anEchoSentMoreThanTheLimitAgoIsNotTrustedEvenIfItJustCameBack() {
		ChannelLiveness liveness = subscribed();

		liveness.echoHeard(System.nanoTime() - ChannelLiveness.ECHO_LIMIT.plus(Duration.ofSeconds(1)).toNanos());

		assertThat(liveness.hearsChannel()).isFalse();
	}

	@Test
	void aLateEchoOfAnEarlierSendDoesNotOverrideALaterOne() {
		ChannelLiveness liveness = subscribed();
		long earlier = System.nanoTime() - ChannelLiveness.ECHO_LIMIT.plus(Duration.ofSeconds(1)).toNanos();
		long later = liveness.echoSent();

		liveness.echoHeard(later);
		liveness.echoHeard(earlier);

		assertThat(liveness.hearsChannel()).isTrue();
	}

	@Test
	void nothingIsTrustedOnceTheConnectionIsLost() {
		ChannelLiveness liveness = subscribed();
		liveness.echoHeard(liveness.echoSent());

		liveness.lost();

		assertThat(liveness.hearsChannel()).isFalse();
		assertThat(liveness.echoDue()).isFalse();
	}

	private static ChannelLiveness subscribed() {
		ChannelLiveness liveness = new ChannelLiveness();
		liveness.subscribed();
		return liveness;
	}

}
