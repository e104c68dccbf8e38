package com.starkiller.images.gallery;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.ListingService;

/**
 * {@code /listings/{id}/photos}, "Show all photos": the photo tour as a full page, as the htmx
 * fragment that the listing page's link swaps in for its {@code <main>} (with the page's title),
 * or as JSON. Each photo links to the lightbox at its index.
 */
@Controller
class PhotoTourController {

	static final String PATH = "/listings/{id}/photos";

	static final String PAGE = "gallery/tour-page";

	static final String FRAGMENT = "gallery/tour :: htmx";

	private final ListingService listings;

	PhotoTourController(ListingService listings) {
		this.listings = listings;
	}

	@HxRequest
	@GetMapping(PATH)
	String fragment(@PathVariable String id, Model model) {
		model.addAttribute("tour", tour(id));
		return FRAGMENT;
	}

	@GetMapping(PATH)
	String page(@PathVariable String id, Model model) {
		model.addAttribute("tour", tour(id));
		return PAGE;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PhotoTourJson json(@PathVariable String id) {
		return PhotoTourJson.of(tour(id));
	}

	private PhotoTour tour(String id) {
		return PhotoTour.of(this.listings.get(ListingId.parse(id)));
	}

}
