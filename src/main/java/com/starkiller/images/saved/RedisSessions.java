package com.starkiller.images.saved;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import com.starkiller.images.web.Unavailable;

/**
 * The visitors' sessions in Redis, read so that Redis trouble fails no page: a session that cannot
 * be read is treated as absent (the page shows Save unsaved). Writing a session while Redis is
 * away answers 503, so Save never claims to have kept what it could not.
 */
class RedisSessions<S extends Session> implements SessionRepository<S> {

	private final SessionRepository<S> redis;

	private final SessionAvailability availability;

	RedisSessions(SessionRepository<S> redis, SessionAvailability availability) {
		this.redis = redis;
		this.availability = availability;
	}

	@Override
	public S createSession() {
		return this.redis.createSession();
	}

	@Override
	public void save(S session) {
		try {
			this.redis.save(session);
			this.availability.succeeded();
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			throw new Unavailable(SessionAvailability.UNAVAILABLE);
		}
	}

	@Override
	public S findById(String id) {
		if (!this.availability.available()) {
			return null;
		}
		try {
			S session = this.redis.findById(id);
			this.availability.succeeded();
			return session;
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			return null;
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
