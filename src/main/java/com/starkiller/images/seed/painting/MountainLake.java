package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** Mountain ridges reflected in a lake, with pines on the near bank. */
class MountainLake extends Outdoors {

	MountainLake(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double water = rnd(0.56, 0.66);
		paintSky(water);
		int layers = 3 + rng.nextInt(2);
		Path2D[] ridges = new Path2D[layers];
		Color[] colours = new Color[layers];
		Color far = mix(shade(skyTop, 0.9), skyBottom, 0.45), near = shade(mix(leaf, skyTop, 0.3), 0.55);
		for (int i = 0; i < layers; i++) {
			double t = i / (layers - 1.0);
			ridges[i] = ridge(water, (0.34 - t * 0.22) * rnd(0.8, 1.1), 2 + rng.nextInt(3));
			colours[i] = mix(far, near, t);
			fill(ridges[i], vertical(water - 0.4, water, shade(colours[i], 1.1), mix(colours[i], skyBottom, 0.25 * (1 - t))));
		}
		fill(box(0, water, 1, 1 - water), vertical(water, 1, mix(skyBottom, skyTop, 0.4), shade(skyTop, 0.65)));
		AffineTransform saved = g.getTransform();
		g.translate(0, 2 * py(water)); // mirror about the waterline for the reflection
		g.scale(1, -1);
		for (int i = 0; i < layers; i++) {
			fill(ridges[i], alpha(colours[i], 0.5));
		}
		g.setTransform(saved);
		drawWaterShimmer(water, 1);
		double bankX = rnd(-0.05, 0.15);
		fill(oval(bankX, 1.03, 0.4, 0.13), shade(leaf, 0.5));
		for (int i = 0; i < 5; i++) {
			double x = bankX - 0.25 + i * 0.11 + rnd(-0.02, 0.02);
			double dx = (x - bankX) / 0.4;
			drawPine(x, 1.03 - 0.13 * Math.sqrt(Math.max(0, 1 - dx * dx)) + 0.01, rnd(0.14, 0.24));
		}
	}

	private void drawPine(double x, double base, double size) {
		Color c = shade(leaf, 0.5);
		fill(box(x - 0.003, base - size * 0.15, 0.006, size * 0.15), shade(wood, 0.6));
		for (int i = 0; i < 3; i++) {
			double y = base - size * (0.1 + i * 0.26), half = size * (0.24 - i * 0.05) / ar;
			fill(poly(x - half, y, x + half, y, x, y - size * 0.42), shade(c, 1 + i * 0.08));
		}
	}
}
