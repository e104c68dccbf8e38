package com.starkiller.images.saved;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A session a request only reads is written back only when its last access is a minute old. */
class QuietSessionTest {

	private static final Duration TOUCH = Duration.ofMinutes(1);

	private final Instant read = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void aReadWithinTheTouchIntervalChangesNothing() {
		QuietSession<MapSession> session = QuietSession.read(stored(), TOUCH);

		session.setLastAccessedTime(this.read.plusSeconds(59));
		session.getAttribute("saved");

		assertThat(session.changed()).isFalse();
		assertThat(session.getLastAccessedTime()).isEqualTo(this.read);
	}

	@Test
	void aReadAfterTheTouchIntervalIsWrittenSoTheSessionLivesOn() {
		QuietSession<MapSession> session = QuietSession.read(stored(), TOUCH);

		session.setLastAccessedTime(this.read.plus(TOUCH));

		assertThat(session.changed()).isTrue();
		assertThat(session.session().getLastAccessedTime()).isEqualTo(this.read.plus(TOUCH));
	}

	@Test
	void everyWriteIsKept() {
		QuietSession<MapSession> attribute = QuietSession.read(stored(), TOUCH);
		attribute.setAttribute("saved", "1");
		QuietSession<MapSession> removed = QuietSession.read(stored(), TOUCH);
		removed.removeAttribute("saved");
		QuietSession<MapSession> renamed = QuietSession.read(stored(), TOUCH);
		String before = renamed.getId();
		renamed.changeSessionId();
		QuietSession<MapSession> interval = QuietSession.read(stored(), TOUCH);
		interval.setMaxInactiveInterval(Duration.ofHours(1));

		assertThat(attribute.changed()).isTrue();
		assertThat(attribute.session().<String>getAttribute("saved")).isEqualTo("1");
		assertThat(removed.changed()).isTrue();
		assertThat(renamed.changed()).isTrue();
		assertThat(renamed.getId()).isNotEqualTo(before).isEqualTo(renamed.session().getId());
		assertThat(interval.changed()).isTrue();
		assertThat(QuietSession.created(new MapSession(), TOUCH).changed()).isTrue();
	}

	private MapSession stored() {
		MapSession session = new MapSession();
		session.setLastAccessedTime(this.read);
		return session;
	}

}
