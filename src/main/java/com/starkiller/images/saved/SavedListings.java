package com.starkiller.images.saved;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.starkiller.images.web.KeptPages;

/**
 * The visitor's saved listings, kept in their Spring Session (in Redis). Reading never creates a
 * session; only the first Save does.
 */
@Service("savedListings")
public class SavedListings {

	static final String ATTRIBUTE = "starkiller.saved";

	// The most listings one visitor keeps: a session stays small, and /saved one bounded query.
	private final int max;

	SavedListings(SavedProperties properties) {
		this.max = properties.max();
	}

	/**
	 * Whether the current visitor saved the listing, for the Save button; null on a page that every
	 * visitor is served, which must not read the session (the page's script asks for the visitor's
	 * state instead).
	 */
	public Boolean shown(long listing) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
				|| KeptPages.shared(request.getRequest())) {
			return null;
		}
		// Read from the session itself: read through RequestAttributes, a mutable attribute is set
		// again when the request ends (in case it was changed in place), a session write per read.
		// The answer says it is this visitor's own already (web.VaryHeaders, before rendering).
		HttpSession session = request.getRequest().getSession(false);
		return session != null && ids(session).contains(listing);
	}

	List<Long> all(HttpSession session) {
		return (session != null) ? List.copyOf(ids(session)) : List.of();
	}

	/** Saves or unsaves; false, changing nothing, when the list is full and the listing is not on it. */
	boolean set(HttpSession session, long listing, boolean saved) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(ids(session));
		if (saved) {
			if (ids.size() >= this.max && !ids.contains(listing)) {
				return false;
			}
			ids.add(listing);
		}
		else {
			ids.remove(listing);
		}
		// Set again, not changed in place, so the session store sees the write.
		session.setAttribute(ATTRIBUTE, ids);
		return true;
	}

	/** Forgets every saved listing but these (those deleted since they were saved). */
	void keepOnly(HttpSession session, Collection<Long> listings) {
		LinkedHashSet<Long> ids = new LinkedHashSet<>(ids(session));
		if (ids.retainAll(listings)) {
			session.setAttribute(ATTRIBUTE, ids);
		}
	}

	/** For the API's 409 (the page says it in the visitor's language: {@code save.full}). */
	public String full() {
		return "You have saved " + this.max + " places, the most we keep. Remove one to save another.";
	}

	/** The most listings a visitor may save. */
	public int max() {
		return this.max;
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<Long> ids(HttpSession session) {
		Object saved = session.getAttribute(ATTRIBUTE);
		return (saved instanceof LinkedHashSet<?>) ? (LinkedHashSet<Long>) saved : new LinkedHashSet<>();
	}

}
