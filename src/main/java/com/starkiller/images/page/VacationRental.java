package com.starkiller.images.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;

/**
 * A listing as schema.org's {@code VacationRental}, inlined in its page as JSON-LD so search
 * engines show its name, photos and rating. Absolute URLs from {@code base} ({@code web.PublicUrl});
 * no rating where there are no reviews (a rating of 0 from 0 reviews would be a claim).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "@context", "@type" })
public record VacationRental(@JsonProperty("@context") String context, @JsonProperty("@type") String type,
		String identifier, String name, String url, List<String> image, PostalAddress address,
		AggregateRating aggregateRating) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** As many photos as the hero shows; more would only lengthen every page. */
	private static final int IMAGES = 5;

	static VacationRental of(Listing listing, String base) {
		List<String> images = listing.photos().stream().limit(IMAGES).map((photo) -> base + photo.src(Photo.LARGE)).toList();
		AggregateRating rating = (listing.reviewCount() > 0) ? new AggregateRating("AggregateRating",
				BigDecimal.valueOf(listing.averageRating()).setScale(2, RoundingMode.HALF_UP), listing.reviewCount(), 5, 1)
				: null;
		return new VacationRental("https://schema.org", "VacationRental", String.valueOf(listing.id()), listing.name(),
				base + "/listings/" + listing.id(), images.isEmpty() ? null : images,
				new PostalAddress("PostalAddress", listing.location().city(), listing.location().country()), rating);
	}

	/**
	 * The JSON, safe inside {@code <script type="application/ld+json">}: an HTML parser ends the
	 * script at the first {@code </script} and treats {@code <!--} specially, whatever JSON
	 * strings they sit in, so every {@code <}, {@code >} and {@code &} is written as a JSON
	 * escape (they can only occur inside strings, where the escape means the same character).
	 */
	public String json() {
		return JSON.writeValueAsString(this)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

	@JsonPropertyOrder({ "@type" })
	public record PostalAddress(@JsonProperty("@type") String type, String addressLocality, String addressCountry) {
	}

	@JsonPropertyOrder({ "@type" })
	public record AggregateRating(@JsonProperty("@type") String type, BigDecimal ratingValue, int reviewCount,
			int bestRating, int worstRating) {
	}

}
