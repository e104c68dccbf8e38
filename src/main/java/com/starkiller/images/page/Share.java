package com.starkiller.images.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;

/**
 * The Share dialog's links for a listing, each to its absolute URL, URL-encoded, and the page's
 * canonical and Open Graph URLs. {@code base} is the site's public URL ({@code web.PublicUrl}), never
 * a header a visitor chose.
 */
public record Share(String url, String embedUrl, String loaderUrl, String imageUrl, long listing, String title) {

	static Share of(Listing listing, String base, String loaderPath) {
		String image = listing.photos().isEmpty() ? null : base + listing.photo(1).src(Photo.LARGE);
		return new Share(base + "/listings/" + listing.id(), base + "/embed/listings/" + listing.id(),
				base + loaderPath, image, listing.id(), listing.name());
	}

	public String facebook() {
		return "https://www.facebook.com/sharer/sharer.php?u=" + encode(this.url);
	}

	public String twitter() {
		return "https://twitter.com/intent/tweet?url=" + encode(this.url) + "&text=" + encode(this.title);
	}

	public String email() {
		return "mailto:?subject=" + encode(this.title) + "&body=" + encode(this.title + " " + this.url);
	}

	public String messenger() {
		return "fb-messenger://share/?link=" + encode(this.url);
	}

	/**
	 * The iframe a partner pastes into their page, titled in the page's language. Its address has
	 * no {@code ?lang=}: the widget speaks each of the partner's visitors' own language.
	 */
	public String embedSnippet(String frameTitle) {
		return "<iframe src=\"" + this.embedUrl + "\" title=\"" + HtmlUtils.htmlEscape(frameTitle)
				+ "\" width=\"640\" height=\"480\" loading=\"lazy\" allow=\"fullscreen\" style=\"border:0\"></iframe>";
	}

	/** The loader, which sizes the frame to its content and lazy-loads it. */
	public String loaderSnippet() {
		return "<div data-starkiller-listing=\"" + this.listing + "\"></div>\n<script async src=\"" + this.loaderUrl
				+ "\"></script>";
	}

	// Percent-encoding with %20 for spaces, which mailto: and every share endpoint understand.
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
