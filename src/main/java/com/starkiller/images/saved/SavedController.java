package com.starkiller.images.saved;

import java.time.Duration;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.ListingService;
import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.Conflict;
import com.starkiller.images.web.KeptPages;
import com.starkiller.images.web.Unavailable;

/**
 * Save and unsave listings ({@code POST /saved/{id}}), see them ({@code GET /saved}), and the Save
 * button in this visitor's state ({@code GET /saved/{id}}), which a listing page served to every
 * visitor asks for.
 */
@Controller
class SavedController {

	static final String PAGE = "saved/page";

	static final String BUTTON = "saved/button :: save";

	private final SavedListings saved;

	private final ListingService listings;

	private final SessionAvailability sessions;

	private final Duration keepFor;

	SavedController(SavedListings saved, ListingService listings, SessionAvailability sessions,
			SavedProperties properties) {
		this.saved = saved;
		this.listings = listings;
		this.sessions = sessions;
		this.keepFor = properties.keepFor();
	}

	@GetMapping("/saved")
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession(false);
		List<Long> ids = this.saved.all(session);
		List<Listing> existing = this.listings.existing(ids);
		if (existing.size() < ids.size() && this.sessions.available()) {
			// Deleted since they were saved: shown nowhere, so forgotten, and no longer counted toward the cap.
			ids = existing.stream().map(Listing::id).toList();
			this.saved.keepOnly(session, ids);
		}
		model.addAttribute("listings", existing);
		model.addAttribute("unavailable", !this.sessions.available());
		response.setHeader(HttpHeaders.CACHE_CONTROL, KeptPages.VISITORS_OWN);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		reflect(ids, request, response);
		return PAGE;
	}

	/** htmx: the Save button in this visitor's state, never stored by a browser or a proxy. */
	@HxRequest
	@GetMapping("/saved/{id}")
	String state(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("listing", this.listings.get(ListingId.parse(id)));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		reflect(this.saved.all(request.getSession(false)), request, response);
		return BUTTON;
	}

	/** Without htmx, the button lives on the listing's page. */
	@GetMapping("/saved/{id}")
	String listing(@PathVariable String id) {
		return "redirect:/listings/" + ListingId.parse(id);
	}

	/** htmx: the button in its new state; at the cap, unchanged and saying why. */
	@HxRequest
	@PostMapping(path = "/saved/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String button(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Listing listing = listing(id, state);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("listing", listing);
		model.addAttribute("full", !save(listing, state, request, response));
		return BUTTON;
	}

	/**
	 * Without JavaScript: back to the page, to a URL that is rendered for this visitor (pages
	 * served to everyone show Save unpressed), so the visitor sees what they did.
	 */
	@PostMapping(path = "/saved/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	String form(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			@RequestParam(name = "from", required = false) String from, HttpServletRequest request,
			HttpServletResponse response) {
		Listing listing = listing(id, state);
		if (!save(listing, state, request, response)) {
			throw new Conflict(this.saved.full());
		}
		return "saved".equals(from) ? "redirect:/saved" : "redirect:/listings/" + listing.id() + "?saved=" + state;
	}

	private Listing listing(String id, String state) {
		if (!"true".equals(state) && !"false".equals(state)) {
			throw new BadRequest("saved is true or false.");
		}
		if (!this.sessions.available()) {
			throw new Unavailable(SessionAvailability.UNAVAILABLE);
		}
		return this.listings.get(ListingId.parse(id));
	}

	/** False when the visitor's list is full and this listing is not on it. */
	private boolean save(Listing listing, String state, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session == null && request.getRequestedSessionId() != null && RedisSessions.unread(request)) {
			// The visitor's session may hold their list, unread: a new one would replace it.
			throw new Unavailable(SessionAvailability.UNAVAILABLE);
		}
		boolean saving = Boolean.parseBoolean(state);
		if (session == null && !saving) {
			// Nothing saved, nothing to unsave: no session is made for it.
			reflect(List.of(), request, response);
			return true;
		}
		if (session == null) {
			session = request.getSession(true);
		}
		boolean done = this.saved.set(session, listing.id(), saving);
		List<Long> ids = this.saved.all(session);
		reflect(ids, request, response);
		if (ids.isEmpty()) {
			// The last one unsaved: the session holds nothing more, and Redis keeps it no longer.
			session.invalidate();
		}
		return done;
	}

	// While Redis is away a session reads as absent: the cookie is left as it is until it answers.
	private void reflect(List<Long> ids, HttpServletRequest request, HttpServletResponse response) {
		if (this.sessions.available()) {
			SavedCookie.reflect(!ids.isEmpty(), this.keepFor, request, response);
		}
	}

}
