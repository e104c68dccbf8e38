package com.starkiller.images.saved;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.session.Session;

/**
 * A visitor's session as one request uses it. A request that only reads it writes nothing back,
 * unless its last access is older than the touch interval: Spring Session would otherwise rewrite
 * the last-access time and the expiry on every request, three Redis round trips added to a
 * request that needs one, such as the Save button's state. The price: an idle session may expire
 * up to one touch interval before its timeout.
 */
final class QuietSession<S extends Session> implements Session {

	private final S session;

	private final Duration touch;

	private boolean changed;

	private QuietSession(S session, Duration touch, boolean changed) {
		this.session = session;
		this.touch = touch;
		this.changed = changed;
	}

	/** A session read from the store: written back only if something changes. */
	static <S extends Session> QuietSession<S> read(S session, Duration touch) {
		return new QuietSession<>(session, touch, false);
	}

	/** A new session: always written. */
	static <S extends Session> QuietSession<S> created(S session, Duration touch) {
		return new QuietSession<>(session, touch, true);
	}

	S session() {
		return this.session;
	}

	/** Whether saving this session has anything to write. */
	boolean changed() {
		return this.changed;
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		if (Duration.between(this.session.getLastAccessedTime(), lastAccessedTime).compareTo(this.touch) >= 0) {
			this.session.setLastAccessedTime(lastAccessedTime);
			this.changed = true;
		}
	}

	@Override
	public void setAttribute(String attributeName, Object attributeValue) {
		this.session.setAttribute(attributeName, attributeValue);
		this.changed = true;
	}

	@Override
	public void removeAttribute(String attributeName) {
		this.session.removeAttribute(attributeName);
		this.changed = true;
	}

	@Override
	public String changeSessionId() {
		this.changed = true;
		return this.session.changeSessionId();
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		this.session.setMaxInactiveInterval(interval);
		this.changed = true;
	}

	@Override
	public String getId() {
		return this.session.getId();
	}

	@Override
	public <T> @Nullable T getAttribute(String attributeName) {
		return this.session.getAttribute(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.session.getAttributeNames();
	}

	@Override
	public Instant getCreationTime() {
		return this.session.getCreationTime();
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.session.getLastAccessedTime();
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.session.getMaxInactiveInterval();
	}

	@Override
	public boolean isExpired() {
		return this.session.isExpired();
	}

}
