package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.util.SplittableRandom;

/** Colour arithmetic for the painter; all channels are clamped so mixing past black or white stays valid. */
final class Colours {

	private Colours() {
	}

	/** A slightly varied copy, so two pictures in the same mood never share exact colours. */
	static Color jitter(SplittableRandom rng, int rgb) {
		Color c = new Color(rgb);
		int d = 14;
		return new Color(clamp(c.getRed() + rng.nextInt(-d, d)), clamp(c.getGreen() + rng.nextInt(-d, d)),
				clamp(c.getBlue() + rng.nextInt(-d, d)));
	}

	static Color mix(Color a, Color b, double t) {
		return new Color(clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
				clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
				clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)),
				clamp((int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * t)));
	}

	static Color shade(Color c, double factor) {
		return factor < 1 ? mix(c, Color.BLACK, 1 - factor) : mix(c, Color.WHITE, factor - 1);
	}

	static Color alpha(Color c, double a) {
		return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp((int) Math.round(a * 255)));
	}

	private static int clamp(int v) {
		return Math.max(0, Math.min(255, v));
	}
}
