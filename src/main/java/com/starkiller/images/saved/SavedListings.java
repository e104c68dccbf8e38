package com.starkiller.images.saved;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The visitor's saved listings, kept in their Spring Session (in Redis). Reading never creates a
 * session; only the first Save does.
 */
@Service("savedListings")
public class SavedListings {

	static final String ATTRIBUTE = "starkiller.saved";

	/** Whether the current visitor saved the listing; used by the Save button on every page. */
	public boolean contains(long listing) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		Object saved = (request != null) ? request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION) : null;
		return saved instanceof LinkedHashSet<?> ids && ids.contains(listing);
	}

	List<Long> all(HttpSession session) {
		return (session != null) ? List.copyOf(ids(session)) : List.of();
	}

	void set(HttpSession session, long listing, boolean saved) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(ids(session));
		if (saved) {
			ids.add(listing);
		}
		else {
			ids.remove(listing);
		}
		// Set again, not changed in place, so the session store sees the write.
		session.setAttribute(ATTRIBUTE, ids);
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<Long> ids(HttpSession session) {
		Object saved = session.getAttribute(ATTRIBUTE);
		return (saved instanceof LinkedHashSet<?>) ? (LinkedHashSet<Long>) saved : new LinkedHashSet<>();
	}

}
