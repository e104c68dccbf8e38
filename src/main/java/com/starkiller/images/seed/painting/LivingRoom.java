package com.starkiller.images.seed.painting;

import java.awt.Color;
import java.awt.Graphics2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** A sofa on a rug below wall shelves, beside a window, with a coffee table and a plant. */
class LivingRoom extends Room {

	LivingRoom(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double horizon = rnd(0.55, 0.63);
		double left = paintRoom(horizon, true);
		double winX = left + 0.03, winW = rnd(0.15, 0.2), winY = rnd(0.1, 0.15);
		drawWindow(winX, winY, winW, horizon - winY - rnd(0.12, 0.18), rng.nextBoolean());
		drawLightPatch(winX, winW, horizon);
		double sofaX = winX + winW + rnd(0.1, 0.14);
		double sofaW = Math.min(rnd(0.36, 0.44), 0.84 - sofaX);
		drawShelves(sofaX + rnd(0, sofaW - 0.26), Math.max(0.13, horizon - rnd(0.37, 0.41)), 0.26);
		drawRug(sofaX, sofaX + sofaW, horizon + 0.06, 0.96);
		drawSofa(sofaX, sofaW, horizon + 0.07);
		drawCoffeeTable(sofaX + sofaW / 2, horizon + rnd(0.19, 0.23), sofaW * 0.5);
		drawPlant(Math.min(sofaX + sofaW + 0.07, 0.93), horizon + 0.09, rnd(0.26, 0.34));
	}

	private void drawShelves(double x, double y, double sw) {
		Color[] spines = {accent, fabric, shade(wood, 1.2), skyTop, leaf, mix(accent, Color.WHITE, 0.4)};
		for (int row = 0; row < 2; row++) {
			double plank = y + row * 0.14;
			for (double bx = x + 0.01; bx < x + sw - 0.03; ) {
				double bookW = rnd(0.01, 0.02), bookH = rnd(0.06, 0.1);
				if (rng.nextDouble() < 0.1) {
					bx += 0.03; // gaps keep the shelf from looking like a barcode
					continue;
				}
				fill(box(bx, plank - bookH, bookW, bookH), shade(pick(spines), rnd(0.8, 1.1)));
				bx += bookW + 0.002;
			}
			fill(box(x, plank, sw, 0.025), vertical(plank, plank + 0.025, alpha(Color.BLACK, 0.15), alpha(Color.BLACK, 0)));
			fill(box(x, plank, sw, 0.012), shade(wood, 1.1));
		}
	}

	private void drawSofa(double x, double sw, double floorY) {
		Color body = mix(fabric, accent, rnd(0, 0.6));
		double seat = floorY - 0.11;
		softShadow(x + sw / 2, floorY, sw * 0.6, 0.025);
		fill(rounded(x + 0.02, seat - 0.14, sw - 0.04, 0.18, 0.025), shade(body, 0.85));
		int cushions = sw > 0.38 ? 3 : 2;
		double cw = (sw - 0.1) / cushions;
		for (int i = 0; i < cushions; i++) {
			fill(rounded(x + 0.05 + i * cw + 0.003, seat - 0.12, cw - 0.006, 0.12, 0.02),
					vertical(seat - 0.12, seat, shade(body, 1.0), shade(body, 0.9)));
		}
		fill(rounded(x + 0.03, seat - 0.01, sw - 0.06, 0.05, 0.015), shade(body, 1.08));
		fill(box(x + 0.02, seat + 0.03, sw - 0.04, floorY - seat - 0.045), shade(body, 0.78));
		for (double armX : new double[] {x, x + sw - 0.045}) {
			fill(rounded(armX, seat - 0.06, 0.045, floorY - seat + 0.045, 0.02),
					vertical(seat - 0.06, floorY, body, shade(body, 0.85)));
			fill(box(armX + 0.018, floorY - 0.016, 0.008, 0.016), shade(wood, 0.5));
		}
		fill(rounded(x + 0.055, seat - 0.085, 0.06, 0.08, 0.02), accent);
		fill(rounded(x + sw - 0.115, seat - 0.085, 0.06, 0.08, 0.02), mix(accent, Color.WHITE, 0.4));
	}

	private void drawRug(double x0, double x1, double top, double bottom) {
		double spread = 0.1, inset = 0.02;
		fill(poly(x0, top, x1, top, x1 + spread, bottom, x0 - spread, bottom), shade(mix(accent, fabric, 0.55), 0.95));
		g.setStroke(stroke(0.003));
		g.setColor(alpha(Color.WHITE, 0.45));
		double innerSpread = spread - inset * 1.5;
		g.draw(poly(x0 + inset, top + inset, x1 - inset, top + inset, x1 + innerSpread, bottom - inset, x0 - innerSpread, bottom - inset));
	}

	private void drawCoffeeTable(double cx, double topY, double tw) {
		softShadow(cx, topY + 0.085, tw * 0.55, 0.015);
		for (double legX : new double[] {cx - tw * 0.38, cx + tw * 0.38 - 0.008}) {
			fill(box(legX, topY, 0.008, 0.08), shade(wood, 0.7));
		}
		fill(rounded(cx - tw / 2, topY - 0.012, tw, 0.025, 0.01),
				vertical(topY - 0.012, topY + 0.013, shade(wood, 1.2), shade(wood, 0.9)));
		fill(rounded(cx - tw * 0.2, topY - 0.05, 0.025, 0.04, 0.01), mix(accent, Color.WHITE, 0.3));
		fill(circle(cx - tw * 0.2 + 0.0125, topY - 0.06, 0.014), leaf);
	}
}
