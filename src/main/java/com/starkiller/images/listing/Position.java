package com.starkiller.images.listing;

import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.NotFound;

/**
 * Where a carousel stands: a 1-based index among {@code count} items. Both carousels wrap around,
 * so previous of the first is the last.
 */
public record Position(int index, int count) {

	private static final int MAX_DIGITS = 9;

	/** Reads {@code ?index=}: absent means the first item. */
	public static int parseIndex(String raw) {
		if (raw == null) {
			return 1;
		}
		if (!ListingId.isDigits(raw, MAX_DIGITS) || Integer.parseInt(raw) < 1) {
			throw new BadRequest("index is a whole number from 1, such as ?index=2.");
		}
		return Integer.parseInt(raw);
	}

	/** The position, or 404 when the index is past the end. */
	public static Position of(int index, int count, String items) {
		if (index > count) {
			throw new NotFound("There " + (count == 1 ? "is" : "are") + " " + count + " " + items + " here, not "
					+ index + ".");
		}
		return new Position(index, count);
	}

	public int previous() {
		return (this.index == 1) ? this.count : this.index - 1;
	}

	public int next() {
		return (this.index == this.count) ? 1 : this.index + 1;
	}

}
