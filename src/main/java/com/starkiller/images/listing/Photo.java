package com.starkiller.images.listing;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.starkiller.images.media.Variants;

/**
 * One photo of a listing: the stored image it shows, its caption, its size in pixels, the room
 * it shows ({@link RoomKind}, such as "Bedroom 2") and its placeholder, a blurred preview as a
 * data URI made when the image was stored ({@code media.Variants#placeholder}). {@code room} is
 * null for a photo stored before photos had rooms, or written without one; the photo tour shows
 * those among "Other photos". {@code placeholder} is null for a photo of an image stored before
 * images had one: pages then show the photo without a preview.
 */
public record Photo(String image, String caption, int width, int height,
		@JsonInclude(JsonInclude.Include.NON_NULL) String room,
		@JsonInclude(JsonInclude.Include.NON_NULL) String placeholder) {

	/** Widths of the stored variants of every image, in pixels. */
	public static final int SMALL = Variants.SMALL;

	public static final int MEDIUM = Variants.MEDIUM;

	public static final int LARGE = Variants.LARGE;

	/** A photo without a room. */
	public Photo(String image, String caption, int width, int height) {
		this(image, caption, width, height, null, null);
	}

	/** A photo without a placeholder. */
	public Photo(String image, String caption, int width, int height, String room) {
		this(image, caption, width, height, room, null);
	}

	/** URL of the variant {@code width} pixels wide. */
	public String src(int width) {
		return src(this.image, width);
	}

	/** URL of the variant {@code width} pixels wide of a stored image. */
	public static String src(String image, int width) {
		return "/media/" + image + "/" + width;
	}

	public String srcset() {
		return src(SMALL) + " " + SMALL + "w, " + src(MEDIUM) + " " + MEDIUM + "w, " + src(LARGE) + " " + LARGE + "w";
	}

	/** Height of the variant {@code width} pixels wide, so pages reserve the space before it loads. */
	public int heightAt(int width) {
		return Math.round((float) this.height * width / this.width);
	}

}
