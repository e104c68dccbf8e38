package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Path2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** The parts outdoor scenes share: the sky with its sun and clouds, hills, water shimmer and umbrellas. */
abstract class Outdoors extends Canvas {

	private double sunX; // set by paintSky, so the water shimmers under the sun

	Outdoors(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	void paintSky(double horizon) {
		fill(box(0, 0, 1, horizon + 0.02), vertical(0, horizon, skyTop, skyBottom));
		boolean night = mood == Mood.NIGHT;
		for (int i = 0; night && i < 45; i++) {
			fill(circle(rnd(0, 1), rnd(0, horizon * 0.85), rnd(0.0007, 0.002)), alpha(Color.WHITE, rnd(0.3, 0.9)));
		}
		sunX = rnd(0.15, 0.85);
		double sunY = mood == Mood.DUSK ? horizon - rnd(0.04, 0.12) : horizon * rnd(0.2, 0.45), r = rnd(0.025, 0.04);
		glowAt(sunX, sunY, r * 6, glow, night ? 0.22 : 0.5);
		fill(circle(sunX, sunY, r), night ? new Color(0xF3F0DC) : mix(glow, Color.WHITE, 0.55));
		for (int i = night ? 0 : 1 + rng.nextInt(3); i > 0; i--) {
			drawCloud(rnd(0.05, 0.95), rnd(0.08, horizon * 0.6), rnd(0.035, 0.07));
		}
	}

	private void drawCloud(double x, double y, double size) {
		Area cloud = new Area(oval(x, y, size * 1.5, size * 0.3 * ar));
		cloud.add(new Area(circle(x - size * 0.6, y - size * 0.1 * ar, size * 0.45)));
		cloud.add(new Area(circle(x + size * 0.05, y - size * 0.3 * ar, size * 0.6)));
		cloud.add(new Area(circle(x + size * 0.7, y - size * 0.05 * ar, size * 0.4)));
		fill(cloud, alpha(mix(Color.WHITE, glow, mood == Mood.DUSK ? 0.5 : 0.1), 0.85));
	}

	/** A mountain range sitting on baseY: sharp peaks come from folding a sine wave with abs(). */
	Path2D ridge(double baseY, double amplitude, int peaks) {
		double phase = rnd(0, Math.PI), phase2 = rnd(0, Math.PI);
		Path2D path = new Path2D.Double();
		path.moveTo(0, py(baseY));
		for (int i = 0; i <= 48; i++) {
			double t = i / 48.0;
			double shape = 0.6 * (1 - Math.abs(Math.sin(t * peaks * Math.PI + phase)))
					+ 0.3 * (1 - Math.abs(Math.sin(t * peaks * 2.7 * Math.PI + phase2)));
			path.lineTo(px(t), py(baseY - amplitude * (0.1 + shape + rnd(-0.03, 0.03))));
		}
		path.lineTo(w, py(baseY));
		path.closePath();
		return path;
	}

	void drawWaterShimmer(double top, double bottom) {
		for (int i = 0; i < 8; i++) {
			double y = top + 0.02 + i * (bottom - top) / 9;
			fill(oval(sunX + rnd(-0.02, 0.02), y, rnd(0.02, 0.05) * (1 + i * 0.2), 0.003 + i * 0.0005), alpha(glow, 0.5));
			fill(oval(rnd(0, 1), y + 0.02, rnd(0.03, 0.08), 0.0025), alpha(Color.WHITE, 0.25));
		}
	}

	void drawUmbrella(double x, double base, double height) {
		double r = height * 0.45, top = base - height;
		softShadow(x, base, r * 0.9, 0.015);
		fill(box(x - 0.003, top, 0.006, height), shade(wood, 0.8));
		Color stripe = mix(Color.WHITE, skyBottom, 0.2);
		for (int i = 0; i < 6; i++) {
			fill(new Arc2D.Double(px(x - r), py(top) - px(r) * 0.4, px(2 * r), px(r) * 0.8 * 2, i * 30, 30, Arc2D.PIE),
					i % 2 == 0 ? accent : stripe);
		}
	}
}
