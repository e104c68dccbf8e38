package com.starkiller.images.page;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.Position;

/**
 * The listing page in full, as it is at {@code /listings/{id}}, with photo N open at
 * {@code /images/{id}?index=N}, or at review N at {@code /reviews/{id}?index=N}. htmx and JSON
 * requests to the last two are the gallery's and the reviews' own.
 */
@Controller
class PageController {

	static final String CLOSED_LIGHTBOX = "gallery/lightbox :: closed";

	private final ListingPages pages;

	private final ListingShells shells;

	PageController(ListingPages pages, ListingShells shells) {
		this.pages = pages;
		this.shells = shells;
	}

	/** The site's front door shows the first listing, as the original's client did. */
	@GetMapping("/")
	String home() {
		return "redirect:/listings/0";
	}

	/** htmx closing the lightbox: the listing page's empty modal, which the page swaps in. */
	@HxRequest
	@GetMapping("/listings/{id}")
	String closedLightbox(@PathVariable String id) {
		this.pages.plain(ListingId.parse(id));
		return CLOSED_LIGHTBOX;
	}

	@GetMapping("/listings/{id}")
	String listing(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
		return this.shells.view(this.pages.plain(ListingId.parse(id)), model, request, response);
	}

	@GetMapping("/images/{id}")
	String withPhoto(@PathVariable String id, @RequestParam(required = false) String index, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		ListingPage page = this.pages.withPhoto(ListingId.parse(id), Position.parseIndex(index));
		return this.shells.view(page, model, request, response);
	}

	@GetMapping("/reviews/{id}")
	String withReview(@PathVariable String id, @RequestParam(required = false) String index, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		ListingPage page = this.pages.withReview(ListingId.parse(id), Position.parseIndex(index));
		return this.shells.view(page, model, request, response);
	}

}
