package com.starkiller.images.listing;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.starkiller.images.web.BadRequest;

/** Listings in the JSON API: reads are public, writes need the bearer token. */
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
	Listing get(@PathVariable String id) {
		return this.listings.get(ListingId.parse(id));
	}

	@PostMapping
	ResponseEntity<Listing> create(@Valid @RequestBody NewListing body) {
		Listing created = this.writes.create(new Listing(0, body.name(), body.location(), List.of(), 0, 0, 1));
		return ResponseEntity.created(URI.create("/api/listings/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	Listing update(@PathVariable String id, @Valid @RequestBody ListingChange body) {
		if (body.name() == null && body.location() == null) {
			throw new BadRequest("Send a name, a location or both.");
		}
		return this.writes.rename(ListingId.parse(id), body.name(), body.location());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.writes.delete(ListingId.parse(id));
		return ResponseEntity.noContent().build();
	}

	record NewListing(@NotBlank @Size(max = 120) String name, @NotNull @Valid Location location) {
	}

	record ListingChange(@Size(min = 1, max = 120) String name, @Valid Location location) {
	}

}
