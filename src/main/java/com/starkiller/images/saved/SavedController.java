package com.starkiller.images.saved;


import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;

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
import com.starkiller.images.web.Unavailable;

/** Save and unsave listings ({@code POST /saved/{id}}) and see them ({@code GET /saved}). */
@Controller
class SavedController {

	static final String PAGE = "saved/page";

	static final String BUTTON = "saved/button :: save";

	private final SavedListings saved;

	private final ListingService listings;

	private final SessionAvailability sessions;

	SavedController(SavedListings saved, ListingService listings, SessionAvailability sessions) {
		this.saved = saved;
		this.listings = listings;
		this.sessions = sessions;
	}

	@GetMapping("/saved")
	String page(HttpServletRequest request, Model model) {
		model.addAttribute("listings", this.listings.existing(this.saved.all(request.getSession(false))));
		model.addAttribute("unavailable", !this.sessions.available());
		return PAGE;
	}

	/** htmx: the button in its new state; at the cap, unchanged and saying why. */
	@HxRequest
	@PostMapping("/saved/{id}")
	String button(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			HttpServletRequest request, Model model) {
		Listing listing = listing(id, state);
		model.addAttribute("listing", listing);
		model.addAttribute("full", !save(listing, state, request));
		return BUTTON;
	}

	@PostMapping("/saved/{id}")
	String form(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			@RequestParam(name = "from", required = false) String from, HttpServletRequest request) {
		Listing listing = listing(id, state);
		if (!save(listing, state, request)) {
			throw new Conflict(this.saved.full());
		}
		return "saved".equals(from) ? "redirect:/saved" : "redirect:/listings/" + listing.id();
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
	private boolean save(Listing listing, String state, HttpServletRequest request) {
		return this.saved.set(request.getSession(true), listing.id(), Boolean.parseBoolean(state));
	}

}
