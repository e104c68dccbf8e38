package com.starkiller.images.review;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.starkiller.images.listing.IfMatch;
import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.VisibleText;

@RestController
class ReviewApi {

	private final ReviewWrites writes;

	ReviewApi(ReviewWrites writes) {
		this.writes = writes;
	}

	/**
	 * 201 with the new review at {@code Location}: the carousel URL whose JSON is this answer's body.
	 * The ETag is the listing's version after the review, for a following If-Match.
	 */
	@PostMapping(path = "/api/listings/{id}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReviewJson> add(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody NewReview body) {
		Carousel added = this.writes.add(ListingId.parse(id), IfMatch.parse(ifMatch), body.author().strip(),
				body.rating(), body.text().strip());
		URI review = URI.create("/reviews/" + added.listing().id() + "?index=" + added.position().index());
		return ResponseEntity.created(review).eTag(IfMatch.etag(added.listing())).body(ReviewJson.of(added));
	}

	record NewReview(@NotNull @VisibleText @Size(max = 60) String author, @NotNull @Min(1) @Max(5) Integer rating,
			@NotNull @VisibleText @Size(max = 5000) String text) {
	}

}
