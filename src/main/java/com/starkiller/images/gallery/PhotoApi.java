package com.starkiller.images.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.starkiller.images.listing.IfMatch;
import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingId;
import com.starkiller.images.listing.ListingService;
import com.starkiller.images.listing.Photo;
import com.starkiller.images.listing.PhotoWrites;
import com.starkiller.images.listing.Position;
import com.starkiller.images.listing.RoomKind;
import com.starkiller.images.listing.VisibleText;
import com.starkiller.images.media.ImageUploads;
import com.starkiller.images.media.ImageUploads.StoredImage;

/**
 * A listing's photos in the JSON API: add, replace, reorder and remove, either uploading the
 * image (multipart {@code file}, {@code caption}, {@code room}) or pointing at a stored one
 * ({@code image}). Positions refer to the listing's current version, or to the one named by
 * {@code If-Match}. A room is checked before anything is stored, so a refused one leaves no image behind.
 */
@RestController
// Answers are JSON, checked before a write runs, so no write happens only to be refused 406.
@RequestMapping(path = "/api/listings/{id}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
class PhotoApi {

	/**
	 * A caption's longest, in UTF-16 code units as {@code @Size} counts; checked, never cut, on both
	 * routes (Spring validates the multipart field before the method runs, so before anything is stored).
	 */
	static final int CAPTION = 200;

	private final PhotoWrites writes;

	private final ImageUploads uploads;

	private final ListingService listings;

	PhotoApi(PhotoWrites writes, ImageUploads uploads, ListingService listings) {
		this.writes = writes;
		this.uploads = uploads;
		this.listings = listings;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Listing> upload(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH,
			required = false) String ifMatch, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) @Size(max = CAPTION) String caption,
			@RequestParam(required = false) String room) {
		long listing = existing(id);
		String checked = RoomKind.canonical(room);
		return created(this.writes.add(listing, IfMatch.parse(ifMatch),
				photo(this.uploads.store(bytes(file)), caption, checked)));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> add(@PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH,
			required = false) String ifMatch, @Valid @RequestBody PhotoReference body) {
		long listing = ListingId.parse(id);
		String room = RoomKind.canonical(body.room());
		return created(this.writes.add(listing, IfMatch.parse(ifMatch),
				photo(this.uploads.existing(body.image()), body.caption(), room)));
	}

	@PutMapping(path = "/{index}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Listing> replaceByUpload(@PathVariable String id, @PathVariable String index,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestPart("file") MultipartFile file, @RequestParam(required = false) @Size(max = CAPTION) String caption,
			@RequestParam(required = false) String room) {
		long listing = existing(id);
		int position = Position.parseIndex(index);
		String checked = RoomKind.canonical(room);
		return ok(this.writes.replace(listing, IfMatch.parse(ifMatch), position,
				photo(this.uploads.store(bytes(file)), caption, checked)));
	}

	@PutMapping(path = "/{index}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> replace(@PathVariable String id, @PathVariable String index,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody PhotoReference body) {
		long listing = ListingId.parse(id);
		int position = Position.parseIndex(index);
		String room = RoomKind.canonical(body.room());
		return ok(this.writes.replace(listing, IfMatch.parse(ifMatch), position,
				photo(this.uploads.existing(body.image()), body.caption(), room)));
	}

	@PutMapping(path = "/order", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Listing> reorder(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody PhotoOrder body) {
		return ok(this.writes.reorder(ListingId.parse(id), IfMatch.parse(ifMatch), body.order()));
	}

	@DeleteMapping("/{index}")
	ResponseEntity<Listing> remove(@PathVariable String id, @PathVariable String index,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(this.writes.remove(ListingId.parse(id), IfMatch.parse(ifMatch), Position.parseIndex(index)));
	}

	// Before storing an upload, so a request for a missing listing leaves no orphan image behind.
	private long existing(String id) {
		return this.listings.get(ListingId.parse(id)).id();
	}

	/**
	 * 201 naming the new photo: the last of the listing as written (a {@code $push}), at the URL that
	 * shows it, as {@code /reviews/{id}?index=N} names a new review. The body stays the listing.
	 */
	private static ResponseEntity<Listing> created(Listing listing) {
		return ResponseEntity.created(URI.create("/images/" + listing.id() + "?index=" + listing.photoCount()))
			.eTag(IfMatch.etag(listing))
			.body(listing);
	}

	private static ResponseEntity<Listing> ok(Listing listing) {
		return IfMatch.answer(HttpStatus.OK, listing);
	}

	private static Photo photo(StoredImage image, String caption, String room) {
		// A caption with nothing visible (U+00A0, U+3000...) is no caption, as a blank one is.
		String text = (caption == null || !caption.matches(VisibleText.PATTERN)) ? "Photo" : caption.strip();
		return new Photo(image.id(), text, image.width(), image.height(), room, image.placeholder());
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code image} is a stored image's id, its length bounded by the pattern (one constraint, so one
	 * error for the field, which names it and never repeats it). {@code room} is optional: a
	 * {@link RoomKind}, numbered or not ("Bedroom 2").
	 */
	record PhotoReference(
			@NotNull @Pattern(regexp = ImageUploads.ID,
					message = "must be an image id: letters, digits, - and _, at most 80") String image,
			@Size(max = CAPTION) String caption, String room) {
	}

	record PhotoOrder(@NotEmpty List<@NotNull Integer> order) {
	}

}
