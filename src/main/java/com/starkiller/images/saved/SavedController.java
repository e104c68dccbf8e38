package com.starkiller.images.saved;

import java.util.List;
import java.util.Objects;

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
import com.starkiller.images.web.NotFound;
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
		List<Listing> listings = this.saved.all(request.getSession(false)).stream().map(this::existing)
			.filter(Objects::nonNull)
			.toList();
		model.addAttribute("listings", listings);
		model.addAttribute("unavailable", !this.sessions.available());
		return PAGE;
	}

	@HxRequest
	@PostMapping("/saved/{id}")
	String button(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			HttpServletRequest request, Model model) {
		model.addAttribute("listing", save(id, state, request));
		return BUTTON;
	}

	@PostMapping("/saved/{id}")
	String form(@PathVariable String id, @RequestParam(name = "saved", required = false) String state,
			@RequestParam(name = "from", required = false) String from, HttpServletRequest request) {
		Listing listing = save(id, state, request);
		return "saved".equals(from) ? "redirect:/saved" : "redirect:/listings/" + listing.id();
	}

	private Listing save(String id, String state, HttpServletRequest request) {
		if (!"true".equals(state) && !"false".equals(state)) {
			throw new BadRequest("saved is true or false.");
		}
		if (!this.sessions.available()) {
			throw new Unavailable(SessionAvailability.UNAVAILABLE);
		}
		Listing listing = this.listings.get(ListingId.parse(id));
		this.saved.set(request.getSession(true), listing.id(), Boolean.parseBoolean(state));
		return listing;
	}

	private Listing existing(long id) {
		try {
			return this.listings.get(id);
		}
		catch (NotFound gone) {
			return null;
		}
	}

}
