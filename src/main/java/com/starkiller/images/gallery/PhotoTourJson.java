package com.starkiller.images.gallery;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code /listings/{id}/photos} for JSON clients: the listing's photos by room, in the tour's
 * order. A room's {@code room} is null for the photos without one ({@code label}: "Other photos");
 * each photo has its {@code index} in the listing, as {@code /images/{id}?index=N} takes it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record PhotoTourJson(long locationId, String locationName, int count, List<Room> rooms) {

	static PhotoTourJson of(PhotoTour tour) {
		List<Room> rooms = tour.sections()
			.stream()
			.map((section) -> new Room(section.room(), section.label(), section.anchor(),
					section.photos().stream().map((photo) -> GalleryJson.Image.of(photo.index(), photo.photo())).toList()))
			.toList();
		return new PhotoTourJson(tour.listing().id(), tour.listing().name(), tour.listing().photoCount(), rooms);
	}

	record Room(String room, String label, String anchor, List<GalleryJson.Image> photos) {
	}

}
