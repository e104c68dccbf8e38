package com.starkiller.images.seed.painting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/** Cabinets around a window over the sink, with pendant lights above the counter. */
class Kitchen extends Room {

	Kitchen(Graphics2D g, int width, int height, int number) {
		super(g, width, height, number);
	}

	@Override
	void paint() {
		double counter = rnd(0.5, 0.56);
		double floorY = counter + rnd(0.2, 0.24);
		double left = paintRoom(floorY, rng.nextBoolean());
		double upper = counter - rnd(0.2, 0.23);
		Color cabinet = pick(mix(wall, Color.WHITE, 0.5), shade(wood, 1.15), mix(skyTop, wall, 0.5), mix(leaf, wall, 0.5));
		drawTiles(left - 0.04, upper, 1, counter, 0.04, mix(wall, Color.WHITE, 0.45));
		double winX = rnd(0.4, 0.5), winW = rnd(0.2, 0.25);
		drawWindow(winX, 0.1, winW, counter - 0.18, false);
		drawCabinetRow(left, winX - 0.03, 0.03, upper, cabinet);
		drawCabinetRow(winX + winW + 0.03, 1, 0.03, upper, cabinet);
		drawCabinetRow(left, 1, counter + 0.02, floorY - 0.02, cabinet);
		fill(box(left, floorY - 0.02, 1 - left, 0.02), shade(cabinet, 0.45));
		fill(box(left - 0.01, counter - 0.012, 1.02 - left, 0.032), lit(pick(0xECE8E0, 0x3C3F44, 0xD8CBB5)));
		drawFaucet(winX + winW / 2, counter - 0.012);
		drawFruitBowl(rnd(left + 0.04, winX - 0.1), counter - 0.012);
		drawJars(rnd(winX + winW + 0.04, 0.86), counter - 0.012);
		int pendants = 2 + rng.nextInt(2);
		double drop = rnd(0.2, 0.28), size = rnd(0.035, 0.05);
		for (int i = 0; i < pendants; i++) {
			drawPendant(0.25 + 0.5 * (i + 0.5) / pendants, drop, size);
		}
	}

	private void drawCabinetRow(double x0, double x1, double top, double bottom, Color color) {
		int doors = Math.max(1, (int) Math.round((x1 - x0) / 0.13));
		double dw = (x1 - x0) / doors;
		fill(box(x0, bottom, x1 - x0, 0.025), vertical(bottom, bottom + 0.025, alpha(Color.BLACK, 0.18), alpha(Color.BLACK, 0)));
		g.setStroke(stroke(0.0018));
		for (int i = 0; i < doors; i++) {
			double dx = x0 + i * dw;
			fill(box(dx + 0.002, top, dw - 0.004, bottom - top), vertical(top, bottom, shade(color, 1.05), shade(color, 0.92)));
			g.setColor(alpha(shade(color, 0.7), 0.6));
			g.draw(box(dx + 0.014, top + 0.02, dw - 0.028, bottom - top - 0.04));
			double handleX = i % 2 == 0 ? dx + dw - 0.024 : dx + 0.018;
			fill(rounded(handleX, top + (bottom - top) * 0.4, 0.006, (bottom - top) * 0.2, 0.006), shade(wood, 0.45));
		}
	}

	private void drawFaucet(double x, double counterY) {
		g.setStroke(new BasicStroke((float) px(0.006), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.setColor(new Color(0x9AA3AB));
		Path2D spout = new Path2D.Double();
		spout.moveTo(px(x), py(counterY));
		spout.curveTo(px(x), py(counterY - 0.12), px(x + 0.045), py(counterY - 0.12), px(x + 0.045), py(counterY - 0.06));
		g.draw(spout);
	}

	private void drawFruitBowl(double x, double counterY) {
		Color[] fruit = {lit(0xE8A33D), lit(0xD9483B), lit(0x9BC25B)};
		for (int i = 0; i < 4; i++) {
			fill(circle(x - 0.025 + i * 0.017, counterY - 0.055 - (i % 2) * 0.012, 0.014), fruit[i % fruit.length]);
		}
		fill(new Arc2D.Double(px(x - 0.05), py(counterY - 0.1), px(0.1), py(0.1), 180, 180, Arc2D.CHORD), accent);
	}

	private void drawJars(double x, double counterY) {
		for (int i = 0; i < 3; i++) {
			double jh = 0.06 + 0.025 * (i % 2);
			fill(rounded(x + i * 0.032, counterY - jh, 0.026, jh, 0.008), alpha(mix(Color.WHITE, skyTop, 0.3), 0.8));
			fill(box(x + i * 0.032 + 0.002, counterY - jh * 0.6, 0.022, jh * 0.6 - 0.004), shade(pick(wood, floor, accent), 1.1));
			fill(box(x + i * 0.032 + 0.004, counterY - jh - 0.008, 0.018, 0.01), shade(wood, 0.8));
		}
	}

	private void drawPendant(double x, double bottomY, double size) {
		g.setStroke(stroke(0.002));
		g.setColor(shade(wood, 0.5));
		g.draw(line(x, 0, x, bottomY - size * ar * 0.8));
		glowAt(x, bottomY + 0.02, size * (dark ? 3 : 1.6), glow, dark ? 0.55 : 0.25);
		double r = px(size);
		fill(new Arc2D.Double(px(x) - r, py(bottomY) - r * 0.8, 2 * r, 1.6 * r, 0, 180, Arc2D.CHORD),
				vertical(bottomY - size * ar * 0.8, bottomY, shade(accent, 1.1), shade(accent, 0.75)));
		fill(new Ellipse2D.Double(px(x) - r * 0.35, py(bottomY) - r * 0.15, r * 0.7, r * 0.4), mix(glow, Color.WHITE, 0.5));
	}
}
