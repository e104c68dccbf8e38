package com.starkiller.images.gallery;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.ListingService;
import com.starkiller.images.listing.Position;

/**
 * {@code /images/{id}?index=N} for htmx (the lightbox fragment) and for JSON clients; the page
 * with the lightbox open is the listing page's.
 */
@Controller
class GalleryController {

	static final String LIGHTBOX = "gallery/lightbox :: lightbox";

	private final ListingService listings;

	GalleryController(ListingService listings) {
		this.listings = listings;
	}

	@HxRequest
	@GetMapping("/images/{id}")
	String lightbox(@PathVariable String id, @RequestParam(required = false) String index, Model model) {
		model.addAttribute("gallery", Gallery.open(this.listings.get(ListingId.parse(id)), Position.parseIndex(index)));
		return LIGHTBOX;
	}

	/** Every photo; an index, when given, is checked as the page checks it (400, or 404 past the end). */
	@GetMapping(path = "/images/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	GalleryJson json(@PathVariable String id, @RequestParam(required = false) String index) {
		Listing listing = this.listings.get(ListingId.parse(id));
		if (index != null) {
			Gallery.open(listing, Position.parseIndex(index));
		}
		return GalleryJson.of(listing);
	}

}
