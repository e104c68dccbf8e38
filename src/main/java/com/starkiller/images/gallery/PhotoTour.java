package com.starkiller.images.gallery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;

/**
 * "Show all photos": a listing's photos in sections, one per room, in the order each room first
 * appears among the photos (the owner's order), each room's photos in their own order. Photos
 * without a room come last, as "Other photos". Every photo keeps its index in the listing, which
 * is where the lightbox opens it.
 */
public record PhotoTour(Listing listing, List<Section> sections) {

	/** The section of photos without a room, and how the lightbox names their room. */
	static final String OTHER_PHOTOS = "Other photos";

	public static PhotoTour of(Listing listing) {
		Map<String, List<TourPhoto>> rooms = new LinkedHashMap<>();
		List<TourPhoto> others = new ArrayList<>();
		for (int index = 1; index <= listing.photoCount(); index++) {
			Photo photo = listing.photo(index);
			TourPhoto placed = new TourPhoto(index, photo);
			if (photo.room() != null) {
				rooms.computeIfAbsent(photo.room(), (room) -> new ArrayList<>()).add(placed);
			}
			else {
				others.add(placed);
			}
		}
		Set<String> anchors = new HashSet<>();
		List<Section> sections = new ArrayList<>();
		rooms.forEach((room, photos) -> sections.add(new Section(room, anchor(anchors, "room-" + room), photos)));
		if (!others.isEmpty()) {
			sections.add(new Section(null, anchor(anchors, "other-photos"), others));
		}
		return new PhotoTour(listing, List.copyOf(sections));
	}

	public boolean isEmpty() {
		return this.sections.isEmpty();
	}

	/**
	 * A section's id, for the jump links: "room-bedroom-2". Rooms come from a fixed vocabulary,
	 * so two rooms never share one; a number is added should stored data ever make them.
	 */
	private static String anchor(Set<String> taken, String name) {
		String anchor = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		String unique = anchor;
		for (int n = 2; !taken.add(unique); n++) {
			unique = anchor + "-" + n;
		}
		return unique;
	}

	/** One room's photos; {@code room} is null for the photos without one. */
	public record Section(String room, String anchor, List<TourPhoto> photos) {

		/** The section's heading: the room, or "Other photos". */
		public String label() {
			return (this.room != null) ? this.room : OTHER_PHOTOS;
		}

	}

	/** A photo and its 1-based index in the listing. */
	public record TourPhoto(int index, Photo photo) {
	}

}
