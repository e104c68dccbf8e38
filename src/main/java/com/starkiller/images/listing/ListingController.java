package com.starkiller.images.listing;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ListingController {

	private final ListingPages pages;

	ListingController(ListingPages pages) {
		this.pages = pages;
	}

	/** The site's front door shows the first listing, as the original's client did. */
	@GetMapping("/")
	String home() {
		return "redirect:/listings/0";
	}

	@GetMapping("/listings/{id}")
	String page(@PathVariable String id, Model model) {
		model.addAttribute("page", this.pages.plain(ListingId.parse(id)));
		return ListingPages.VIEW;
	}

}
