package com.starkiller.images.embed;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.starkiller.images.listing.ListingId;
import com.starkiller.images.page.ListingPages;
import com.starkiller.images.web.BadRequest;

/** {@code /embed/listings/{id}}: the gallery alone, for partners' iframes. */
@Controller
class EmbedController {

	static final String WIDGET = "embed/widget";

	private final ListingPages pages;

	EmbedController(ListingPages pages) {
		this.pages = pages;
	}

	@GetMapping("/embed/listings/{id}")
	String widget(@PathVariable String id, @RequestParam(name = "reviews", required = false) String reviews,
			Model model) {
		model.addAttribute("page", this.pages.plain(ListingId.parse(id)));
		model.addAttribute("reviews", showReviews(reviews));
		return WIDGET;
	}

	private static boolean showReviews(String reviews) {
		if (reviews == null || reviews.equals("0") || reviews.equals("false")) {
			return false;
		}
		if (reviews.equals("1") || reviews.equals("true")) {
			return true;
		}
		throw new BadRequest("reviews is 1 or 0.");
	}

}
