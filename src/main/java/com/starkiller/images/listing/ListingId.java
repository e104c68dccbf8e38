package com.starkiller.images.listing;

import com.starkiller.images.web.BadRequest;

/** Listing ids in URLs: whole numbers from 0, as the original's {@code location_id}. */
public final class ListingId {

	private static final int MAX_DIGITS = 18;

	private ListingId() {
	}

	public static long parse(String raw) {
		if (!isDigits(raw, MAX_DIGITS)) {
			throw new BadRequest("A listing id is a whole number from 0, such as /listings/15000.");
		}
		return Long.parseLong(raw);
	}

	static boolean isDigits(String raw, int maxDigits) {
		if (raw == null || raw.isEmpty() || raw.length() > maxDigits) {
			return false;
		}
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
