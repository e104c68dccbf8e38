package com.starkiller.images.listing;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.starkiller.images.media.Variants;

/**
 * One photo of a listing: the stored image it shows, its caption, its size in pixels and the room
 * it shows ({@link RoomKind}, such as "Bedroom 2"). {@code room} is null for a photo stored before
 * photos had rooms, or written without one; the photo tour shows those among "Other photos".
 */
public record Photo(String image, String caption, int width, int height,
		@JsonInclude(JsonInclude.Include.NON_NULL) String room) {

	/** Widths of the stored variants of every image, in pixels. */
	public static final int SMALL = Variants.SMALL;

	public static final int MEDIUM = Variants.MEDIUM;

	public static final int LARGE = Variants.LARGE;

	/** A photo without a room. */
	public Photo(String image, String caption, int width, int height) {
		this(image, caption, width, height, null);
	}

	/** URL of the variant {@code width} pixels wide. */
	public String src(int width) {
		return "/media/" + this.image + "/" + width;
	}

	public String srcset() {
		return src(SMALL) + " " + SMALL + "w, " + src(MEDIUM) + " " + MEDIUM + "w, " + src(LARGE) + " " + LARGE + "w";
	}

	/** Height of the variant {@code width} pixels wide, so pages reserve the space before it loads. */
	public int heightAt(int width) {
		return Math.round((float) this.height * width / this.width);
	}

}
