package com.starkiller.images.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * HTTP conditional writes (RFC 9110): a listing's {@code ETag} is its version, and a write that
 * sends {@code If-Match} applies only while the listing still has one of those versions; else
 * {@code 412 Precondition Failed}. Without the header (or with {@code *}) any version will do; a
 * header that names no entity tag (empty, or only commas) matches no version, as RFC 9110 reads.
 */
public record IfMatch(List<Long> versions) {

	public static final IfMatch ANY = new IfMatch(null);

	private static final Pattern VERSION = Pattern.compile("\"(\\d{1,18})\"");

	/**
	 * Reads the header; an entity tag that is weak or not a version of ours matches nothing. Only an
	 * absent header is unconditional: an empty one is a condition that no version meets.
	 */
	public static IfMatch parse(String header) {
		if (header == null || header.strip().equals("*")) {
			return ANY;
		}
		List<Long> versions = new ArrayList<>();
		for (String tag : header.split(",")) {
			Matcher version = VERSION.matcher(tag.strip());
			if (version.matches()) {
				versions.add(Long.parseLong(version.group(1)));
			}
		}
		return new IfMatch(List.copyOf(versions));
	}

	/** The ETag of a listing at its current version. */
	public static String etag(Listing listing) {
		return "\"" + listing.version() + "\"";
	}

	/** The API's answer for a written or read listing: the listing, its version as the ETag. */
	public static ResponseEntity<Listing> answer(HttpStatus status, Listing listing) {
		return ResponseEntity.status(status).eTag(etag(listing)).body(listing);
	}

	public boolean isAny() {
		return this.versions == null;
	}

	public boolean matches(long version) {
		return isAny() || this.versions.contains(version);
	}

	ResponseStatusException failed(Listing current) {
		return new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, "Listing " + current.id()
				+ " has changed: it is at ETag " + etag(current) + " now; read it again and retry.");
	}

}
