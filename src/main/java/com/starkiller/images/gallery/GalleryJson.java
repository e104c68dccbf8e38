package com.starkiller.images.gallery;

import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import com.starkiller.images.listing.Listing;
import com.starkiller.images.listing.Photo;

/** The original's {@code /images/:id} answer: the location's name and its images. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record GalleryJson(long locationId, String locationName, List<Image> images) {

	static GalleryJson of(Listing listing) {
		List<Image> images = IntStream.rangeClosed(1, listing.photoCount())
			.mapToObj((index) -> Image.of(index, listing.photo(index)))
			.toList();
		return new GalleryJson(listing.id(), listing.name(), images);
	}

	/** {@code room} is left out for a photo without one, as the original's answer had none. */
	record Image(int index, String caption, String src, int width, int height,
			@JsonInclude(JsonInclude.Include.NON_NULL) String room) {

		static Image of(int index, Photo photo) {
			return new Image(index, photo.caption(), photo.src(Photo.LARGE), photo.width(), photo.height(),
					photo.room());
		}

	}

}
