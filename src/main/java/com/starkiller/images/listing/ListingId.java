package com.starkiller.images.listing;

import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.NotFound;

/** Listing ids in URLs: whole numbers from 0, as the original's {@code location_id}. */
public final class ListingId {

	/** Ids of more digits than this were never given: such an id names no listing (404, as any unknown id). */
	private static final int MAX_DIGITS = 18;

	private ListingId() {
	}

	public static long parse(String raw) {
		String digits = digits(raw);
		if (digits == null) {
			throw new BadRequest("A listing id is a whole number from 0, such as /listings/15000.");
		}
		if (digits.length() > MAX_DIGITS) {
			throw new NotFound("There is no listing with an id of " + digits.length() + " digits.");
		}
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}

	/**
	 * The digits of a whole number without its leading zeros (empty for zero), or null where
	 * {@code raw} is absent, empty or not all digits.
	 */
	static String digits(String raw) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		int first = -1;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			if (first < 0 && c != '0') {
				first = i;
			}
		}
		return (first < 0) ? "" : raw.substring(first);
	}

}
