package com.starkiller.images.listing;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starkiller.images.web.BadRequest;

/**
 * Listings in the JSON API: reads are public, writes need the bearer token. Every answer carries
 * the listing's version as its {@code ETag}; writes honour {@code If-Match}.
 */
@RestController
@RequestMapping("/api/listings")
class ListingApi {

	private final ListingService listings;

	private final ListingWrites writes;

	ListingApi(ListingService listings, ListingWrites writes) {
		this.listings = listings;
		this.writes = writes;
	}

	@GetMapping("/{id}")
	ResponseEntity<Listing> get(@PathVariable String id) {
		return IfMatch.answer(HttpStatus.OK, this.listings.get(ListingId.parse(id)));
	}

	// Writes take and give JSON, checked before they run: a write never happens only to be refused 406.
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> create(@Valid @RequestBody NewListing body) {
		Listing created = this.writes.create(body.name(), body.location());
		return ResponseEntity.created(URI.create("/api/listings/" + created.id()))
			.eTag(IfMatch.etag(created))
			.body(created);
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> update(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody ListingChange body) {
		if (body.name() == null && body.location() == null) {
			throw new BadRequest("Send a name, a location or both.");
		}
		return IfMatch.answer(HttpStatus.OK,
				this.writes.rename(ListingId.parse(id), IfMatch.parse(ifMatch), body.name(), body.location()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		this.writes.delete(ListingId.parse(id), IfMatch.parse(ifMatch));
		return ResponseEntity.noContent().build();
	}

	record NewListing(@NotNull @VisibleText @Size(max = 120) String name, @NotNull @Valid Location location) {
	}

	record ListingChange(@VisibleText @Size(max = 120) String name, @Valid Location location) {
	}

}
