package com.starkiller.images.listing;

import com.starkiller.images.web.BadRequest;
import com.starkiller.images.web.NotFound;

/**
 * Where a carousel stands: a 1-based index among {@code count} items. Both carousels wrap around,
 * so previous of the first is the last.
 */
public record Position(int index, int count) {

	/**
	 * What {@link #parseIndex} gives for an index of ten digits or more: past the end of every
	 * listing (none holds a billion photos or reviews), so a 404 as for any index past the end.
	 */
	static final int BEYOND = Integer.MAX_VALUE;

	private static final int MAX_DIGITS = 9;

	/** Reads {@code ?index=}: absent means the first item. */
	public static int parseIndex(String raw) {
		if (raw == null) {
			return 1;
		}
		String digits = ListingId.digits(raw);
		if (digits == null || digits.isEmpty()) {
			throw new BadRequest("index is a whole number from 1, such as ?index=2.");
		}
		return (digits.length() > MAX_DIGITS) ? BEYOND : Integer.parseInt(digits);
	}

	/** The position, or 404 when the index is past the end. */
	public static Position of(int index, int count, String items) {
		if (index > count) {
			throw pastTheEnd(index, count, items);
		}
		return new Position(index, count);
	}

	/** The 404 for an index past the last of {@code count} items. */
	public static NotFound pastTheEnd(int index, int count, String items) {
		return new NotFound("There " + (count == 1 ? "is" : "are") + " " + count + " " + items + " here, not "
				+ ((index == BEYOND) ? "a billion or more" : index) + ".");
	}

	public int previous() {
		return (this.index == 1) ? this.count : this.index - 1;
	}

	public int next() {
		return (this.index == this.count) ? 1 : this.index + 1;
	}

}
