package com.starkiller.images.listing;

import com.starkiller.images.media.Variants;

/** One photo of a listing: the stored image it shows, its caption and its size in pixels. */
public record Photo(String image, String caption, int width, int height) {

	/** Widths of the stored variants of every image, in pixels. */
	public static final int SMALL = Variants.SMALL;

	public static final int MEDIUM = Variants.MEDIUM;

	public static final int LARGE = Variants.LARGE;

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
