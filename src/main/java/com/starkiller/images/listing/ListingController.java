package com.starkiller.images.listing;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ListingController {

	static final String CLOSED_LIGHTBOX = "gallery/lightbox :: closed";

	private final ListingPages pages;

	ListingController(ListingPages pages) {
		this.pages = pages;
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
	String page(@PathVariable String id, Model model) {
		model.addAttribute("page", this.pages.plain(ListingId.parse(id)));
		return ListingPages.VIEW;
	}

}
