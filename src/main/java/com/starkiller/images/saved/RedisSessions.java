package com.starkiller.images.saved;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import com.starkiller.images.web.Unavailable;

/**
 * The visitors' sessions in Redis, read so that Redis trouble fails no page: a session that cannot
 * be read is treated as absent (the page shows Save unsaved). Writing a session while Redis is
 * away answers 503, so Save never claims to have kept what it could not. A session a request only
 * read is not written back ({@link QuietSession}).
 */
class RedisSessions<S extends Session> implements SessionRepository<QuietSession<S>> {

	/** Set on a request whose session could not be read: it may exist, holding the visitor's list. */
	private static final String UNREAD = RedisSessions.class.getName() + ".unread";

	private final SessionRepository<S> redis;

	private final SessionAvailability availability;

	private final Duration touch;

	RedisSessions(SessionRepository<S> redis, SessionAvailability availability, Duration touch) {
		this.redis = redis;
		this.availability = availability;
		this.touch = touch;
	}

	@Override
	public QuietSession<S> createSession() {
		return QuietSession.created(this.redis.createSession(), this.touch);
	}

	@Override
	public void save(QuietSession<S> session) {
		if (!session.changed()) {
			return;
		}
		try {
			this.redis.save(session.session());
			this.availability.succeeded();
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			throw new Unavailable(SessionAvailability.UNAVAILABLE);
		}
	}

	@Override
	public QuietSession<S> findById(String id) {
		if (!this.availability.available()) {
			markUnread();
			return null;
		}
		try {
			S session = this.redis.findById(id);
			this.availability.succeeded();
			return (session != null) ? QuietSession.read(session, this.touch) : null;
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			markUnread();
			return null;
		}
	}

	/**
	 * Whether this request asked for a session that could not be read (it reads as absent): a new
	 * session made now would replace the visitor's own, and with it their list.
	 */
	static boolean unread(HttpServletRequest request) {
		return request.getAttribute(UNREAD) != null;
	}

	private static void markUnread() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(UNREAD, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public void deleteById(String id) {
		try {
			this.redis.deleteById(id);
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
		}
	}

}
