package com.starkiller.images.gallery;

import java.util.List;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.ListingRepository;
import com.starkiller.images.listing.Location;
import com.starkiller.images.listing.Photo;

/**
 * Listings for the photo tour's tests, stored under ids no other test uses (913_0xx) and never
 * written after: a tour's rooms, and a listing stored before photos had rooms.
 */
public final class PhotoTours {

	/** Eight photos: rooms in runs, one without a room, and the living room again at the end. */
	public static final long WITH_ROOMS = 913_001;

	/** Three photos stored without rooms, as every listing was before rooms. */
	public static final long WITHOUT_ROOMS = 913_002;

	/** No photos at all. */
	public static final long EMPTY = 913_003;

	/**
	 * {@link #WITH_ROOMS}'s sections, in the tour's order (rooms as they first appear, the photos
	 * without one last): anchor, heading, photo indexes.
	 */
	public static final List<Object[]> SECTIONS = List.of(
			new Object[] { "room-living-room", "Living room", List.of(1, 2, 8) },
			new Object[] { "room-bedroom-1", "Bedroom 1", List.of(3) },
			new Object[] { "room-bathroom", "Bathroom", List.of(5) },
			new Object[] { "room-bedroom-2", "Bedroom 2", List.of(6) },
			new Object[] { "room-kitchen", "Kitchen", List.of(7) },
			new Object[] { "other-photos", "Other photos", List.of(4) });

	private PhotoTours() {
	}

	/** Stores the three listings (the same documents every time). */
	public static Listing withRooms(ListingRepository listings) {
		listings.save(new Listing(WITHOUT_ROOMS, "Old cottage", new Location("Galway", "Ireland"),
				List.of(photo("demo-001", "Sofa", null), photo("demo-002", "Stove", null), photo("demo-005", "Shore", null)),
				0, 0, 1));
		listings.save(new Listing(EMPTY, "Empty loft", new Location("Galway", "Ireland"), List.of(), 0, 0, 1));
		return listings.save(new Listing(WITH_ROOMS, "Room by room", new Location("Bergen", "Norway"),
				List.of(photo("demo-001", "Sofa", "Living room"), photo("demo-001", "Reading corner", "Living room"),
						photo("demo-000", "Big bed", "Bedroom 1"), photo("demo-005", "Street", null),
						photo("demo-003", "Tub", "Bathroom"), photo("demo-000", "Bunk beds", "Bedroom 2"),
						photo("demo-002", "Breakfast bar", "Kitchen"), photo("demo-001", "Fireplace", "Living room")),
				0, 0, 1));
	}

	private static Photo photo(String image, String caption, String room) {
		return new Photo(image, caption, 1600, 1066, room);
	}

}
