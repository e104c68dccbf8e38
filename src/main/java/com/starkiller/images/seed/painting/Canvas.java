package com.starkiller.images.seed.painting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

import static com.starkiller.images.seed.painting.Colours.alpha;
import static com.starkiller.images.seed.painting.Colours.jitter;
import static com.starkiller.images.seed.painting.Colours.mix;
import static com.starkiller.images.seed.painting.Colours.shade;

/**
 * One picture being painted: its graphics, size, random numbers and resolved colours, with the shapes the
 * scenes are built from. Positions and sizes are fractions of the image (x of the width, y of the height).
 */
abstract class Canvas {

	final Graphics2D g;
	final double w;
	final double h;
	final double ar;
	final SplittableRandom rng;
	final Mood mood;
	final boolean dark;
	final Color skyTop, skyBottom, wall, floor, wood, fabric, accent, glow, leaf;

	Canvas(Graphics2D g, int width, int height, int number) {
		this.g = g;
		this.w = width;
		this.h = height;
		this.ar = w / h;
		this.rng = new SplittableRandom(number);
		this.mood = Mood.of(number);
		this.dark = mood.isDark();
		int[] c = mood.colors;
		skyTop = jitter(rng, c[0]);
		skyBottom = jitter(rng, c[1]);
		wall = jitter(rng, c[2]);
		floor = jitter(rng, c[3]);
		wood = jitter(rng, c[4]);
		fabric = jitter(rng, c[5]);
		accent = jitter(rng, c[6]);
		glow = jitter(rng, c[7]);
		leaf = lit(0x5C9A4F);
	}

	/** Paints the whole scene; the painter may have mirrored the canvas first. */
	abstract void paint();

	// ---- set pieces both rooms and outdoor scenes use ----

	// Lines converging on a vanishing point are what make a flat floor read as receding.
	void drawFloorLines(double horizon, boolean boards) {
		g.setStroke(stroke(0.0015));
		g.setColor(alpha(shade(floor, 0.55), 0.3));
		double vx = rnd(0.4, 0.6), step = boards ? 0.07 : 0.1;
		for (int i = -12; i <= 12; i++) {
			g.draw(line(vx + i * step, horizon, vx + i * step * 3, 1));
		}
		for (int k = 1; !boards && k < 7; k++) {
			double y = horizon + (1 - horizon) * Math.pow(k / 7.0, 1.7);
			g.draw(line(0, y, 1, y));
		}
	}

	void drawPlant(double x, double floorY, double size) {
		double potTop = floorY - size * 0.32;
		softShadow(x, floorY, size * 0.2, 0.012);
		Color pot = pick(lit(0xC06A45), shade(accent, 0.9), mix(wall, Color.WHITE, 0.6));
		for (int i = 0; i < 9; i++) {
			double angle = -1.3 + i * 0.32 + rnd(-0.12, 0.12), length = py(size * rnd(0.55, 0.75));
			AffineTransform at = new AffineTransform();
			at.translate(px(x), py(potTop));
			at.rotate(angle);
			fill(at.createTransformedShape(new Ellipse2D.Double(-length * 0.13, -length, length * 0.26, length)),
					shade(leaf, rnd(0.75, 1.15)));
		}
		fill(poly(x - size * 0.12, potTop, x + size * 0.12, potTop, x + size * 0.09, floorY, x - size * 0.09, floorY),
				horizontal(x - size * 0.12, x + size * 0.12, shade(pot, 1.1), shade(pot, 0.8)));
	}

	// ---- drawing primitives ----

	double px(double f) {
		return f * w;
	}

	double py(double f) {
		return f * h;
	}

	Rectangle2D box(double x, double y, double bw, double bh) {
		return new Rectangle2D.Double(px(x), py(y), px(bw), py(bh));
	}

	Shape rounded(double x, double y, double bw, double bh, double arc) {
		return new RoundRectangle2D.Double(px(x), py(y), px(bw), py(bh), px(arc), px(arc));
	}

	Shape oval(double cx, double cy, double rx, double ry) {
		return new Ellipse2D.Double(px(cx - rx), py(cy - ry), px(2 * rx), py(2 * ry));
	}

	Shape circle(double cx, double cy, double r) {
		return new Ellipse2D.Double(px(cx) - px(r), py(cy) - px(r), px(2 * r), px(2 * r));
	}

	Line2D line(double x0, double y0, double x1, double y1) {
		return new Line2D.Double(px(x0), py(y0), px(x1), py(y1));
	}

	Shape poly(double... xy) {
		Path2D path = new Path2D.Double();
		path.moveTo(px(xy[0]), py(xy[1]));
		for (int i = 2; i < xy.length; i += 2) {
			path.lineTo(px(xy[i]), py(xy[i + 1]));
		}
		path.closePath();
		return path;
	}

	BasicStroke stroke(double width) {
		return new BasicStroke((float) px(width));
	}

	void fill(Shape shape, Paint paint) {
		g.setPaint(paint);
		g.fill(shape);
	}

	void clipped(Shape clip, Runnable painting) {
		Shape saved = g.getClip();
		g.clip(clip);
		painting.run();
		g.setClip(saved);
	}

	Paint vertical(double y0, double y1, Color top, Color bottom) {
		return new GradientPaint(0f, (float) py(y0), top, 0f, (float) py(y1), bottom);
	}

	Paint horizontal(double x0, double x1, Color left, Color right) {
		return new GradientPaint((float) px(x0), 0f, left, (float) px(x1), 0f, right);
	}

	void glowAt(double cx, double cy, double r, Color colour, double strength) {
		Point2D centre = new Point2D.Double(px(cx), py(cy));
		fill(circle(cx, cy, r), new RadialGradientPaint(centre, (float) px(r), new float[] {0f, 1f},
				new Color[] {alpha(colour, strength), alpha(colour, 0)}));
	}

	/** A blurred contact shadow: a unit radial gradient stretched into the ellipse, no image filtering needed. */
	void softShadow(double cx, double cy, double rx, double ry) {
		AffineTransform stretch = new AffineTransform(px(rx), 0, 0, py(ry), px(cx), py(cy));
		Color[] fade = {alpha(Color.BLACK, 0.28), alpha(Color.BLACK, 0.14), alpha(Color.BLACK, 0)};
		fill(oval(cx, cy, rx, ry), new RadialGradientPaint(new Point2D.Double(), 1f, new Point2D.Double(),
				new float[] {0f, 0.6f, 1f}, fade, CycleMethod.NO_CYCLE, MultipleGradientPaint.ColorSpaceType.SRGB, stretch));
	}

	double rnd(double min, double max) {
		return min + rng.nextDouble() * (max - min);
	}

	@SafeVarargs
	final <T> T pick(T... options) {
		return options[rng.nextInt(options.length)];
	}

	/** A daylight colour, varied a little and put into the picture's light. */
	final Color lit(int rgb) {
		return mood.light(jitter(rng, rgb), glow, skyTop);
	}
}
