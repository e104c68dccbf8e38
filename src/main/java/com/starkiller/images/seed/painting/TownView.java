package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;

import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** The view from a balcony: a city skyline, or village houses on a green hillside. */
class TownView extends Outdoors {

	private final boolean village;

	TownView(Graphics2D g, int width, int height, int number, boolean village) {
		super(g, width, height, number);
		this.village = village;
	}

	@Override
	void paint() {
		double horizon = rnd(0.58, 0.66), railY = rnd(0.78, 0.83);
		paintSky(horizon);
		Color haze = mix(skyTop, skyBottom, 0.55);
		if (village) {
			fill(ridge(horizon + 0.02, 0.12, 2), mix(haze, leaf, 0.35));
			fill(box(0, horizon, 1, 1 - horizon), vertical(horizon, railY, mix(leaf, skyBottom, 0.25), shade(leaf, 0.75)));
			drawHouses(horizon + 0.04, 0.7);
			drawHouses(horizon + 0.13, 1.0);
		} else {
			drawSkyline(horizon + 0.01, 0.3, shade(haze, 0.92), -1);
			fill(box(0, horizon, 1, railY - horizon), shade(haze, 0.7));
			// the near blocks stand on the balcony rail so their feet stay hidden and the street needs no drawing
			drawSkyline(railY + 0.05, railY - horizon + 0.4, mix(shade(wall, 0.6), skyTop, 0.35), dark ? 0.55 : 0.04);
		}
		drawBalcony(railY);
	}

	private void drawSkyline(double base, double maxHeight, Color color, double litChance) {
		for (double x = -0.02; x < 1; ) {
			double bw = rnd(0.05, 0.11), bh = rnd(0.3, 1) * maxHeight, top = base - bh;
			Color c = shade(color, rnd(0.9, 1.1));
			fill(box(x, top, bw, bh + 0.02), c);
			if (rng.nextDouble() < 0.3) {
				fill(box(x + bw * 0.3, top - 0.03, bw * 0.4, 0.03), c);
			}
			if (litChance >= 0) {
				drawLitWindows(x, top, bw, bh, c, litChance);
			}
			x += bw + rnd(0, 0.012);
		}
	}

	private void drawLitWindows(double x, double top, double bw, double bh, Color facade, double litChance) {
		double cw = 0.011, ch = 0.02, gap = 0.009;
		int cols = (int) ((bw - gap) / (cw + gap)), rows = (int) ((bh - 0.04) / (ch + gap * ar));
		double ox = x + (bw - cols * (cw + gap) + gap) / 2;
		Color unlit = shade(mix(facade, skyTop, 0.4), 0.85);
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < cols; c++) {
				fill(box(ox + c * (cw + gap), top + 0.025 + r * (ch + gap * ar), cw, ch),
						rng.nextDouble() < litChance ? glow : unlit);
			}
		}
	}

	private void drawHouses(double base, double scale) {
		for (double x = rnd(-0.05, 0.02); x < 1; ) {
			if (rng.nextDouble() < 0.2) {
				fill(oval(x + 0.015, base - 0.08 * scale, 0.014 * scale, 0.08 * scale), shade(leaf, 0.55));
				x += 0.035 * scale;
				continue;
			}
			double hw = rnd(0.07, 0.11) * scale, hh = rnd(0.06, 0.1) * scale;
			drawHouse(x, base, hw, hh);
			x += hw + rnd(0.005, 0.03);
		}
	}

	private void drawHouse(double x, double base, double hw, double hh) {
		Color plaster = lit(pick(0xF3E6D0, 0xE8CFA8, 0xF7F2EA, 0xE3B48A, 0xD7E0E6));
		fill(box(x, base - hh, hw, hh), vertical(base - hh, base, plaster, shade(plaster, 0.88)));
		fill(poly(x - 0.008, base - hh, x + hw + 0.008, base - hh, x + hw / 2, base - hh - hh * rnd(0.45, 0.7)),
				lit(pick(0xB5533C, 0xA4472F, 0x8C3A2B, 0x6E7B85)));
		for (double wx : new double[] {0.15, 0.65}) {
			fill(box(x + hw * wx, base - hh * 0.75, hw * 0.2, hh * 0.28),
					rng.nextDouble() < (dark ? 0.7 : 0) ? glow : shade(plaster, 0.5));
		}
		fill(box(x + hw * 0.42, base - hh * 0.4, hw * 0.16, hh * 0.4), shade(wood, 0.9));
	}

	private void drawBalcony(double railY) {
		Color iron = shade(wood, 0.5);
		fill(box(0, railY + 0.12, 1, 0.9 - railY), vertical(railY + 0.12, 1, shade(lit(0xC9B8A0), 0.8), lit(0xC9B8A0)));
		for (double x = 0.01; x < 1; x += 0.035) {
			fill(box(x, railY, 0.005, 0.12), iron);
		}
		fill(box(0, railY + 0.115, 1, 0.008), iron);
		fill(box(0, railY - 0.005, 1, 0.016), vertical(railY - 0.005, railY + 0.011, shade(iron, 1.4), iron));
		drawPlant(rnd(0.06, 0.14), 0.98, rnd(0.26, 0.32));
	}
}
