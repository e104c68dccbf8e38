package com.starkiller.images.review;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.ListingService;
import com.starkiller.images.listing.Position;

/**
 * {@code /reviews/{id}?index=N} for htmx (the carousel fragment) and for JSON clients; the page at
 * that review is the listing page's.
 */
@Controller
class ReviewController {

	static final String CAROUSEL = "review/carousel :: carousel";

	private final ListingService listings;

	private final ReviewService reviews;

	ReviewController(ListingService listings, ReviewService reviews) {
		this.listings = listings;
		this.reviews = reviews;
	}

	@HxRequest
	@GetMapping("/reviews/{id}")
	String carousel(@PathVariable String id, @RequestParam(required = false) String index, Model model) {
		model.addAttribute("carousel", carousel(id, index));
		return CAROUSEL;
	}

	@GetMapping(path = "/reviews/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ReviewJson json(@PathVariable String id, @RequestParam(required = false) String index) {
		return ReviewJson.of(carousel(id, index));
	}

	private Carousel carousel(String id, String index) {
		return this.reviews.carousel(this.listings.get(ListingId.parse(id)), Position.parseIndex(index));
	}

}
