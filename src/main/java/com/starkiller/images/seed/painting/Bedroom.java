package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** A bed under a picture, with a window on one side and a lamp on the other. */
class Bedroom extends Room {

	Bedroom(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double horizon = rnd(0.56, 0.66);
		double left = paintRoom(horizon, true);
		double winX = left + 0.04, winW = rnd(0.15, 0.2), winY = rnd(0.1, 0.16);
		drawWindow(winX, winY, winW, horizon - winY - rnd(0.14, 0.2), true);
		drawLightPatch(winX, winW, horizon);
		double bedX = winX + winW + rnd(0.12, 0.16);
		double bedW = Math.min(rnd(0.32, 0.4), 0.84 - bedX);
		drawArt(bedX + bedW * 0.2, horizon - 0.3 - rnd(0.13, 0.17), bedW * 0.6, 0.13);
		drawNightstand(bedX + bedW + 0.06, horizon + 0.06);
		drawLamp(bedX + bedW + 0.1, horizon - 0.07, 0.17);
		drawBed(bedX, bedW, horizon);
	}

	private void drawArt(double x, double y, double aw, double ah) {
		fill(box(x + 0.006, y + 0.012, aw, ah), alpha(Color.BLACK, 0.15));
		fill(box(x, y, aw, ah), shade(wood, 0.75));
		double m = 0.007;
		Shape canvas = box(x + m, y + m * ar, aw - 2 * m, ah - 2 * m * ar);
		clipped(canvas, () -> {
			fill(canvas, vertical(y, y + ah, mix(skyBottom, Color.WHITE, 0.4), mix(fabric, Color.WHITE, 0.3)));
			fill(circle(x + aw * rnd(0.25, 0.75), y + ah * 0.4, aw * 0.13), accent);
			fill(oval(x + aw * rnd(0.2, 0.8), y + ah * 1.05, aw * 0.6, ah * 0.5), mix(leaf, fabric, 0.3));
		});
	}

	private void drawBed(double x, double bw, double horizon) {
		double top = horizon - 0.03, front = horizon + 0.19, flare = 0.05;
		softShadow(x + bw / 2, front + 0.07, bw * 0.7, 0.03);
		fill(rounded(x - 0.01, horizon - 0.3, bw + 0.02, 0.3, 0.03),
				vertical(horizon - 0.3, horizon, shade(wood, 1.15), shade(wood, 0.9)));
		for (int i = 0; i < 2; i++) {
			double pw = bw * 0.42, pillowX = x + bw * 0.06 + i * bw * 0.46;
			fill(rounded(pillowX, top - 0.06, pw, 0.09, 0.04),
					vertical(top - 0.06, top + 0.03, mix(Color.WHITE, wall, 0.15), mix(Color.WHITE, fabric, 0.45)));
		}
		fill(poly(x, top, x + bw, top, x + bw + flare, front, x - flare, front),
				vertical(top, front, shade(fabric, 1.1), fabric));
		fill(bedBand(x, bw, top, front, flare, 0.0, 0.14), mix(Color.WHITE, fabric, 0.25));
		fill(bedBand(x, bw, top, front, flare, 0.62, 0.86), mix(accent, fabric, 0.25));
		fill(box(x - flare, front, bw + 2 * flare, 0.07), vertical(front, front + 0.07, shade(fabric, 0.85), shade(fabric, 0.7)));
	}

	/** A strip across the bed top between two depths (0 = headboard, 1 = foot). */
	private Shape bedBand(double x, double bw, double top, double front, double flare, double t0, double t1) {
		double y0 = top + (front - top) * t0, y1 = top + (front - top) * t1;
		return poly(x - flare * t0, y0, x + bw + flare * t0, y0, x + bw + flare * t1, y1, x - flare * t1, y1);
	}

	private void drawNightstand(double x, double floorY) {
		softShadow(x + 0.04, floorY, 0.05, 0.012);
		fill(box(x, floorY - 0.13, 0.08, 0.13), vertical(floorY - 0.13, floorY, shade(wood, 1.1), shade(wood, 0.85)));
		fill(box(x + 0.008, floorY - 0.085, 0.064, 0.004), shade(wood, 0.65));
		fill(circle(x + 0.04, floorY - 0.06, 0.004), shade(wood, 0.5));
	}

	private void drawLamp(double x, double baseY, double size) {
		glowAt(x, baseY - size * 0.7, size * (dark ? 1.5 : 0.7), glow, dark ? 0.6 : 0.3);
		fill(box(x - 0.003, baseY - size * 0.6, 0.006, size * 0.6), shade(wood, 0.6));
		fill(oval(x, baseY, size * 0.12, size * 0.04), shade(wood, 0.6));
		double shadeTop = baseY - size, shadeBottom = baseY - size * 0.5;
		fill(poly(x - size * 0.15, shadeBottom, x + size * 0.15, shadeBottom, x + size * 0.1, shadeTop, x - size * 0.1, shadeTop),
				vertical(shadeTop, shadeBottom, mix(glow, Color.WHITE, 0.5), mix(fabric, glow, 0.5)));
	}
}
