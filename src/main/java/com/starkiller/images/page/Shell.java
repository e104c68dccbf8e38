package com.starkiller.images.page;

import java.util.ArrayList;
import java.util.List;

/**
 * A listing page rendered without what depends on the request: the hero's fetch priority, the
 * modal (the lightbox at a photo, or closed), the review carousel and the language switcher (whose
 * links are the address's own). {@code listing/assembled.html} writes its five parts around those
 * four, rendered afresh.
 */
public record Shell(List<String> parts) {

	/** The slots of a page, in the order it has them: priority, modal, carousel, switcher. */
	static final int SLOTS = 4;

	/**
	 * The shell of a page rendered with {@code marker} in each slot, or null unless it has exactly
	 * {@link #SLOTS} of them.
	 */
	static Shell split(String page, String marker) {
		List<String> parts = new ArrayList<>(SLOTS + 1);
		int from = 0;
		for (int at = page.indexOf(marker); at >= 0; at = page.indexOf(marker, from)) {
			parts.add(page.substring(from, at));
			from = at + marker.length();
		}
		parts.add(page.substring(from));
		return (parts.size() == SLOTS + 1) ? new Shell(List.copyOf(parts)) : null;
	}

	public String part(int n) {
		return this.parts.get(n);
	}

	/** Bytes on the heap, about: two per character, as a string that is not all Latin-1 takes. */
	int weight() {
		return this.parts.stream().mapToInt((part) -> 2 * part.length() + 24).sum() + 64;
	}

}
