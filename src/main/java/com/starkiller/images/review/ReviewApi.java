package com.starkiller.images.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.starkiller.images.listing.ListingId;

@RestController
class ReviewApi {

	private final ReviewWrites writes;

	ReviewApi(ReviewWrites writes) {
		this.writes = writes;
	}

	@PostMapping("/api/listings/{id}/reviews")
	@ResponseStatus(HttpStatus.CREATED)
	ReviewJson add(@PathVariable String id, @Valid @RequestBody NewReview body) {
		return ReviewJson.of(this.writes.add(ListingId.parse(id), body.author().strip(), body.rating(), body.text().strip()));
	}

	record NewReview(@NotBlank @Size(max = 60) String author, @NotNull @Min(1) @Max(5) Integer rating,
			@NotBlank @Size(max = 5000) String text) {
	}

}
