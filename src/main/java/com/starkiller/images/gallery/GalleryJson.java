package com.starkiller.images.gallery;

import java.util.List;
import java.util.stream.IntStream;

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

	record Image(int index, String caption, String src, int width, int height) {

		static Image of(int index, Photo photo) {
			return new Image(index, photo.caption(), photo.src(Photo.LARGE), photo.width(), photo.height());
		}

	}

}
