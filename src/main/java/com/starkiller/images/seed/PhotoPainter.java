package com.starkiller.images.seed;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.Paint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Paints deterministic demo photos for seeded rentals as flat Java2D illustrations.
 *
 * <p>Coordinates are fractions of the image (x of the width, y of the height), so a thumbnail and a full-size
 * picture show the same scene. Only BufferedImage graphics are used, no fonts or Toolkit, so it runs headless.
 */
public final class PhotoPainter {

    private enum Scene { BEDROOM, LIVING_ROOM, KITCHEN, BATHROOM, LAKE, BEACH, TOWN, POOL }

    private enum Mood {
        WARM("Sunny", 0x7FB3E0, 0xF8D9A6, 0xF2E3CF, 0xC0905F, 0x8A5A3B, 0xE9C9A0, 0xD9643A, 0xFFD27A),
        COOL("Bright", 0x5E9BD6, 0xD3E9F6, 0xE3EBF0, 0xA3AEB6, 0x6F7E8A, 0xA9C6DA, 0x2F6F9F, 0xFFF6DA),
        PASTEL("Pastel", 0x9FD3E8, 0xFCE1EA, 0xFBEFF3, 0xE6D2C2, 0xC9A98F, 0xB8E0D2, 0xF09CB2, 0xFFF1BD),
        DUSK("", 0x3B3F7A, 0xF29E6D, 0xE6C3AF, 0x8C5E4A, 0x5E3B2E, 0xC97B6B, 0x7A4E9E, 0xFFB46B),
        NIGHT("", 0x0B1634, 0x2F4275, 0x434E6B, 0x2E3242, 0x4A3A36, 0x5C6B8C, 0xE0B04A, 0xFFD98A);

        private final String adjective;
        private final int[] colors; // sky top, sky bottom, wall, floor, wood, fabric, accent, glow

        Mood(String adjective, int... colors) {
            this.adjective = adjective;
            this.colors = colors;
        }
    }

    private final Graphics2D g;
    private final double w;
    private final double h;
    private final double ar;
    private final SplittableRandom rng;
    private final Mood mood;
    private final boolean dark;
    private final Color skyTop, skyBottom, wall, floor, wood, fabric, accent, glow, leaf;
    private double sunX;

    private PhotoPainter(Graphics2D g, int width, int height, int number) {
        this.g = g;
        this.w = width;
        this.h = height;
        this.ar = w / h;
        this.rng = new SplittableRandom(number);
        this.mood = moodOf(number);
        this.dark = mood == Mood.DUSK || mood == Mood.NIGHT;
        int[] c = mood.colors;
        skyTop = jitter(c[0]);
        skyBottom = jitter(c[1]);
        wall = jitter(c[2]);
        floor = jitter(c[3]);
        wood = jitter(c[4]);
        fabric = jitter(c[5]);
        accent = jitter(c[6]);
        glow = jitter(c[7]);
        leaf = lit(0x5C9A4F);
    }

    public static BufferedImage paint(int number, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            new PhotoPainter(g, width, height, number).paintScene(sceneOf(number), isVillage(number));
        } finally {
            g.dispose();
        }
        return image;
    }

    public static String describe(int number) {
        String noun = switch (sceneOf(number)) {
            case BEDROOM -> "bedroom";
            case LIVING_ROOM -> "living room";
            case KITCHEN -> "kitchen";
            case BATHROOM -> "bathroom";
            case LAKE -> "mountain lake";
            case BEACH -> "beach";
            case TOWN -> isVillage(number) ? "village view" : "city view";
            case POOL -> "pool terrace";
        };
        Mood mood = moodOf(number);
        String capitalised = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        return switch (mood) {
            case DUSK -> capitalised + " at dusk";
            case NIGHT -> capitalised + " at night";
            default -> mood.adjective + " " + noun;
        };
    }

    private static Scene sceneOf(int number) {
        return Scene.values()[Math.floorMod(number, Scene.values().length)];
    }

    // Shifting the mood by number / 8 makes every scene meet every mood within 40 consecutive numbers.
    private static Mood moodOf(int number) {
        return Mood.values()[Math.floorMod(number + number / 8, Mood.values().length)];
    }

    private static boolean isVillage(int number) {
        return Math.floorMod(number / 40, 2) == 1;
    }

    private void paintScene(Scene scene, boolean village) {
        if (rng.nextBoolean()) { // mirroring doubles the layouts for free
            g.translate(w, 0);
            g.scale(-1, 1);
        }
        switch (scene) {
            case BEDROOM -> paintBedroom();
            case LIVING_ROOM -> paintLivingRoom();
            case KITCHEN -> paintKitchen();
            case BATHROOM -> paintBathroom();
            case LAKE -> paintLake();
            case BEACH -> paintBeach();
            case TOWN -> paintTown(village);
            case POOL -> paintPool();
        }
    }

    // ---- indoor scenes ----

    private void paintBedroom() {
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

    private void paintLivingRoom() {
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

    private void paintKitchen() {
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

    private void paintBathroom() {
        double floorY = rnd(0.66, 0.74);
        double left = paintRoom(floorY, false);
        Color tile = mix(pick(skyTop, wall, leaf, accent), Color.WHITE, rnd(0.45, 0.65));
        drawTiles(left - 0.04, rnd(0.28, 0.42), 1, floorY - 0.015, rnd(0.045, 0.07), tile);
        double vanityX = left + rnd(0.02, 0.06), vanityW = rnd(0.22, 0.27), base = floorY + 0.04;
        drawMirror(vanityX + vanityW * 0.15, rnd(0.08, 0.13), vanityW * 0.7, base - 0.36, rng.nextBoolean());
        drawVanity(vanityX, vanityW, base);
        drawTowel(vanityX + vanityW + 0.05, base - 0.42);
        double tubX = vanityX + vanityW + rnd(0.14, 0.18);
        if (rng.nextBoolean()) {
            drawTub(tubX, 0.95, floorY);
        } else {
            drawShower(tubX, 0.94, floorY);
        }
    }

    /** Back wall, floor and a narrow side wall; returns where the usable back wall starts. */
    private double paintRoom(double horizon, boolean boards) {
        fill(box(0, 0, 1, horizon), vertical(0, horizon, shade(wall, 1.06), shade(wall, 0.88)));
        fill(box(0, horizon, 1, 1 - horizon), vertical(horizon, 1, shade(floor, 0.8), shade(floor, 1.08)));
        drawFloorLines(horizon, boards);
        fill(box(0, horizon - 0.015, 1, 0.015), shade(wall, 0.8));
        double side = rnd(0.04, 0.09);
        fill(poly(0, 0, side, 0, side, horizon, 0, horizon + side * ar * 0.9),
                horizontal(0, side, shade(wall, 0.74), shade(wall, 0.86)));
        return side + 0.04;
    }

    // Lines converging on a vanishing point are what make a flat floor read as receding.
    private void drawFloorLines(double horizon, boolean boards) {
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

    private void drawWindow(double x, double y, double ww, double wh, boolean curtains) {
        Color frame = mood == Mood.NIGHT ? shade(wall, 1.3) : mix(wall, Color.WHITE, 0.75);
        double f = 0.01;
        fill(box(x + 0.006, y + 0.012, ww + 2 * f, wh + 2 * f * ar), alpha(Color.BLACK, 0.12));
        fill(box(x - f, y - f * ar, ww + 2 * f, wh + 2 * f * ar), frame);
        Shape pane = box(x, y, ww, wh);
        clipped(pane, () -> {
            fill(pane, vertical(y, y + wh, skyTop, skyBottom));
            glowAt(x + ww * 0.7, y + wh * 0.3, ww * 0.5, glow, 0.6);
            fill(oval(x + ww * 0.25, y + wh, ww * 0.6, wh * 0.3), mix(leaf, skyBottom, 0.45));
            fill(oval(x + ww * 0.85, y + wh * 1.05, ww * 0.5, wh * 0.28), mix(leaf, skyBottom, 0.2));
        });
        fill(box(x + ww / 2 - f / 3, y, f * 2 / 3, wh), frame);
        fill(box(x, y + wh * 0.42, ww, f * ar * 2 / 3), frame);
        fill(box(x - 2 * f, y + wh + f * ar * 0.5, ww + 4 * f, f * ar * 1.2), shade(frame, 0.9));
        if (curtains) {
            fill(box(x - 0.05, y - 0.045, ww + 0.1, 0.008), shade(wood, 0.8));
            drawCurtain(x - 0.045, y - 0.04, 0.055, wh + 0.1);
            drawCurtain(x + ww - 0.01, y - 0.04, 0.055, wh + 0.1);
        }
    }

    private void drawCurtain(double x, double y, double cw, double ch) {
        fill(box(x, y, cw, ch), new LinearGradientPaint((float) px(x), 0f, (float) px(x + cw / 3), 0f,
                new float[] {0f, 1f}, new Color[] {fabric, shade(fabric, 0.8)}, CycleMethod.REFLECT));
    }

    private void drawLightPatch(double x, double ww, double horizon) {
        if (mood != Mood.NIGHT) {
            fill(poly(x, horizon + 0.03, x + ww, horizon + 0.03, x + ww + 0.22, 0.98, x + 0.1, 0.98), alpha(glow, 0.16));
        }
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

    private void drawPlant(double x, double floorY, double size) {
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

    private void drawTiles(double x0, double y0, double x1, double y1, double size, Color tile) {
        fill(box(x0, y0, x1 - x0, y1 - y0), vertical(y0, y1, shade(tile, 1.04), shade(tile, 0.94)));
        g.setStroke(stroke(0.0012));
        g.setColor(alpha(shade(tile, 0.7), 0.55));
        double tileH = size * ar * 0.5; // metro tiles: twice as wide as tall, staggered per row
        int row = 0;
        for (double y = y0; y < y1; y += tileH, row++) {
            g.draw(line(x0, y, x1, y));
            for (double x = x0 + (row % 2) * size / 2; x < x1; x += size) {
                g.draw(line(x, y, x, Math.min(y + tileH, y1)));
            }
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

    private void drawMirror(double x, double y, double mw, double mh, boolean round) {
        Shape frame = round ? oval(x + mw / 2, y + mh / 2, mw / 2, mh / 2) : rounded(x, y, mw, mh, 0.04);
        double m = 0.008;
        Shape glass = round ? oval(x + mw / 2, y + mh / 2, mw / 2 - m, mh / 2 - m * ar)
                : rounded(x + m, y + m * ar, mw - 2 * m, mh - 2 * m * ar, 0.03);
        fill(AffineTransform.getTranslateInstance(px(0.006), py(0.012)).createTransformedShape(frame), alpha(Color.BLACK, 0.15));
        fill(frame, pick(shade(wood, 0.9), new Color(0xC9A55C), mix(wall, Color.WHITE, 0.8)));
        clipped(glass, () -> {
            fill(glass, vertical(y, y + mh, mix(wall, Color.WHITE, 0.5), mix(skyTop, wall, 0.6)));
            fill(poly(x + mw * 0.2, y, x + mw * 0.45, y, x + mw * 0.05, y + mh, x - mw * 0.2, y + mh), alpha(Color.WHITE, 0.3));
            fill(poly(x + mw * 0.55, y, x + mw * 0.62, y, x + mw * 0.22, y + mh, x + mw * 0.15, y + mh),
                    alpha(Color.WHITE, 0.25));
        });
    }

    private void drawVanity(double x, double vw, double base) {
        softShadow(x + vw / 2, base, vw * 0.55, 0.015);
        fill(box(x, base - 0.2, vw, 0.2), vertical(base - 0.2, base, shade(wood, 1.1), shade(wood, 0.85)));
        fill(box(x + vw / 2 - 0.001, base - 0.18, 0.002, 0.16), shade(wood, 0.6));
        fill(box(x - 0.01, base - 0.22, vw + 0.02, 0.022), mix(Color.WHITE, wall, 0.25));
        fill(oval(x + vw / 2, base - 0.225, vw * 0.28, 0.028), new Color(0xF7F7F4));
        fill(oval(x + vw / 2, base - 0.222, vw * 0.2, 0.016), new Color(0xD9DDE0));
        fill(box(x + vw / 2 - 0.004, base - 0.29, 0.008, 0.065), new Color(0x9AA3AB));
        fill(rounded(x + vw / 2 - 0.004, base - 0.29, 0.035, 0.012, 0.01), new Color(0x9AA3AB));
    }

    private void drawTowel(double x, double y) {
        fill(box(x - 0.015, y, 0.09, 0.008), new Color(0x9AA3AB));
        fill(rounded(x, y, 0.06, 0.2, 0.01), horizontal(x, x + 0.06, shade(accent, 1.1), shade(accent, 0.85)));
        fill(box(x, y + 0.15, 0.06, 0.012), mix(accent, Color.WHITE, 0.5));
    }

    private void drawTub(double x0, double x1, double floorY) {
        double top = floorY - 0.12, bottom = floorY + 0.04;
        drawCurtainRail(x0, x1, top);
        softShadow((x0 + x1) / 2, bottom + 0.015, (x1 - x0) * 0.55, 0.02);
        for (double footX : new double[] {x0 + 0.03, x1 - 0.05}) {
            fill(rounded(footX, bottom - 0.01, 0.02, 0.028, 0.01), new Color(0xC9A55C));
        }
        fill(rounded(x0, top, x1 - x0, bottom - top, 0.08), vertical(top, bottom, new Color(0xFBFBF8), new Color(0xCDD2D6)));
        fill(rounded(x0 - 0.01, top - 0.012, x1 - x0 + 0.02, 0.03, 0.03), new Color(0xFDFDFB));
    }

    private void drawCurtainRail(double x0, double x1, double top) {
        fill(box(x0 - 0.02, 0.08, x1 - x0 + 0.04, 0.006), new Color(0x9AA3AB));
        drawCurtain(x1 - 0.05, 0.085, 0.07, top - 0.085);
    }

    private void drawShower(double x0, double x1, double floorY) {
        double top = rnd(0.08, 0.13), base = floorY + 0.04, headX = (x0 + x1) / 2 + 0.05;
        fill(box(headX - 0.003, top + 0.04, 0.006, 0.24), new Color(0x9AA3AB));
        fill(oval(headX - 0.02, top + 0.05, 0.025, 0.01), new Color(0x9AA3AB));
        g.setStroke(stroke(0.0012));
        g.setColor(alpha(Color.WHITE, 0.5));
        for (int i = 0; i < 7; i++) {
            g.draw(line(headX - 0.035 + i * 0.005, top + 0.07, headX - 0.06 + i * 0.01, base - 0.05));
        }
        fill(box(x0, base - 0.025, x1 - x0, 0.028), new Color(0xF4F4F1));
        Shape glass = box(x0, top, x1 - x0, base - 0.025 - top);
        fill(glass, alpha(mix(skyTop, Color.WHITE, 0.7), 0.3));
        fill(poly(x0 + 0.03, top, x0 + 0.08, top, x0 + 0.01, base - 0.1, x0, base - 0.1, x0, top + 0.1), alpha(Color.WHITE, 0.3));
        g.setStroke(stroke(0.004));
        g.setColor(new Color(0x8A939B));
        g.draw(glass);
        fill(rounded(x0 - 0.14, base + 0.03, 0.12, 0.05, 0.015), mix(accent, Color.WHITE, 0.3));
    }

    // ---- outdoor scenes ----

    private void paintLake() {
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

    private void paintBeach() {
        double horizon = rnd(0.42, 0.52), shore = horizon + rnd(0.2, 0.26);
        paintSky(horizon);
        fill(box(0, horizon, 1, shore - horizon + 0.05),
                vertical(horizon, shore, mix(lit(0x1F6FA8), skyTop, 0.3), mix(lit(0x3FC1C9), skyBottom, 0.2)));
        drawWaterShimmer(horizon, shore);
        if (rng.nextBoolean()) {
            drawSailboat(rnd(0.55, 0.85), horizon + 0.03, rnd(0.05, 0.08));
        }
        Path2D sand = new Path2D.Double();
        sand.moveTo(0, py(1));
        double phase = rnd(0, Math.PI * 2);
        for (int i = 0; i <= 24; i++) {
            sand.lineTo(px(i / 24.0), py(shore + 0.012 * Math.sin(i * 0.7 + phase)));
        }
        sand.lineTo(w, h);
        sand.closePath();
        g.setStroke(stroke(0.012));
        g.setColor(alpha(Color.WHITE, 0.6));
        g.draw(sand);
        fill(sand, vertical(shore, 1, lit(0xEBD3A3), lit(0xD9B47E)));
        drawBeachTowel(rnd(0.45, 0.6), rnd(0.82, 0.88), 0.14);
        if (rng.nextDouble() < 0.6) {
            drawPalm(rnd(0.08, 0.22), rnd(0.9, 0.96), rnd(0.5, 0.62));
        }
        drawUmbrella(rnd(0.7, 0.85), rnd(0.86, 0.92), rnd(0.26, 0.32));
    }

    private void paintTown(boolean village) {
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

    private void paintPool() {
        double horizon = rnd(0.34, 0.42), deck = horizon + 0.08;
        paintSky(horizon);
        if (rng.nextBoolean()) {
            fill(box(0, horizon, 1, 0.1), vertical(horizon, deck, mix(skyTop, lit(0x1F6FA8), 0.5), lit(0x2A8DB8)));
        } else {
            fill(ridge(deck, 0.14, 2), mix(leaf, skyBottom, 0.45));
        }
        for (double x = 0; x < 1.04; x += 0.045) {
            fill(circle(x, deck - 0.005, rnd(0.022, 0.034)), shade(leaf, rnd(0.7, 1.0)));
        }
        fill(box(0, deck, 1, 1 - deck), vertical(deck, 1, shade(lit(0xE3D3BA), 0.9), lit(0xF0E6D6)));
        drawFloorLines(deck, false);
        double top = deck + rnd(0.08, 0.12), bottom = rnd(0.86, 0.92), spread = 0.1;
        double x0 = rnd(0.36, 0.44), x1 = x0 + rnd(0.36, 0.44);
        fill(poly(x0 - 0.015, top - 0.02, x1 + 0.015, top - 0.02, x1 + spread + 0.02, bottom + 0.025, x0 - spread - 0.02, bottom + 0.025),
                lit(0xFAF6EE));
        Shape water = poly(x0, top, x1, top, x1 + spread, bottom, x0 - spread, bottom);
        boolean lights = mood == Mood.NIGHT; // underwater lights keep the pool bright after dark
        Color shallow = lights ? new Color(0x47D6EC) : lit(0x6FDCE6), deep = lights ? new Color(0x136A9E) : lit(0x1C8FC0);
        fill(water, vertical(top, bottom, deep, shallow));
        clipped(water, () -> drawCaustics(top, bottom));
        drawUmbrella(rnd(0.14, 0.22), deck + rnd(0.2, 0.24), rnd(0.24, 0.3));
        drawLounger(rnd(0.04, 0.1), deck + rnd(0.28, 0.32), 0.2);
        drawLounger(rnd(0.0, 0.06), deck + rnd(0.44, 0.5), 0.22);
        drawPlant(rnd(0.9, 0.95), rnd(0.8, 0.9), rnd(0.3, 0.36));
    }

    private void paintSky(double horizon) {
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
    private Path2D ridge(double baseY, double amplitude, int peaks) {
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

    private void drawWaterShimmer(double top, double bottom) {
        for (int i = 0; i < 8; i++) {
            double y = top + 0.02 + i * (bottom - top) / 9;
            fill(oval(sunX + rnd(-0.02, 0.02), y, rnd(0.02, 0.05) * (1 + i * 0.2), 0.003 + i * 0.0005), alpha(glow, 0.5));
            fill(oval(rnd(0, 1), y + 0.02, rnd(0.03, 0.08), 0.0025), alpha(Color.WHITE, 0.25));
        }
    }

    private void drawCaustics(double top, double bottom) {
        g.setStroke(stroke(0.002));
        g.setColor(alpha(Color.WHITE, 0.35));
        for (int i = 0; i < 9; i++) {
            double y = top + 0.02 + i * (bottom - top) / 9, phase = rnd(0, Math.PI * 2);
            Path2D wave = new Path2D.Double();
            wave.moveTo(0, py(y));
            for (int k = 1; k <= 30; k++) {
                wave.lineTo(px(k / 30.0), py(y + 0.006 * Math.sin(k * 1.3 + phase)));
            }
            g.draw(wave);
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

    private void drawSailboat(double x, double y, double size) {
        fill(poly(x - size * 0.5, y, x + size * 0.5, y, x + size * 0.35, y + 0.012, x - size * 0.35, y + 0.012),
                shade(wood, 0.7));
        fill(poly(x, y - 0.003, x, y - size * 1.4, x + size * 0.4, y - 0.003), lit(0xFAFAF5));
        fill(poly(x - 0.004, y - 0.003, x - 0.004, y - size * 1.1, x - size * 0.3, y - 0.003), mix(accent, Color.WHITE, 0.3));
    }

    private void drawPalm(double x, double base, double height) {
        double lean = 0.09, topX = x + lean, topY = base - height;
        Path2D trunk = new Path2D.Double();
        trunk.moveTo(px(x), py(base));
        trunk.quadTo(px(x), py(base - height * 0.6), px(topX), py(topY));
        g.setStroke(new BasicStroke((float) px(0.016), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(lit(0x8B6B47));
        g.draw(trunk);
        double length = px(height * 0.35);
        for (int i = 0; i < 7; i++) {
            double angle = Math.PI + i * Math.PI / 6 + rnd(-0.15, 0.15);
            double ex = px(topX) + Math.cos(angle) * length, ey = py(topY) + Math.sin(angle) * length * 0.6 + length * 0.35;
            double mx = (px(topX) + ex) / 2, my = (py(topY) + ey) / 2 - length * 0.25;
            Path2D frond = new Path2D.Double();
            frond.moveTo(px(topX), py(topY));
            frond.quadTo(mx, my - length * 0.12, ex, ey);
            frond.quadTo(mx, my + length * 0.12, px(topX), py(topY));
            fill(frond, shade(leaf, rnd(0.7, 1.0)));
        }
        fill(circle(topX - 0.008, topY + 0.02, 0.008), lit(0x6B4A2B));
        fill(circle(topX + 0.008, topY + 0.024, 0.008), lit(0x6B4A2B));
    }

    private void drawUmbrella(double x, double base, double height) {
        double r = height * 0.45, top = base - height;
        softShadow(x, base, r * 0.9, 0.015);
        fill(box(x - 0.003, top, 0.006, height), shade(wood, 0.8));
        Color stripe = mix(Color.WHITE, skyBottom, 0.2);
        for (int i = 0; i < 6; i++) {
            fill(new Arc2D.Double(px(x - r), py(top) - px(r) * 0.4, px(2 * r), px(r) * 0.8 * 2, i * 30, 30, Arc2D.PIE),
                    i % 2 == 0 ? accent : stripe);
        }
    }

    private void drawBeachTowel(double x, double y, double size) {
        fill(poly(x, y, x + size, y - 0.02, x + size + 0.04, y + 0.06, x + 0.04, y + 0.08), accent);
        double s0 = x + size * 0.4, s1 = x + size * 0.55;
        fill(poly(s0, y - 0.008, s1, y - 0.011, s1 + 0.04, y + 0.069, s0 + 0.04, y + 0.072),
                mix(accent, Color.WHITE, 0.6));
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

    private void drawLounger(double x, double ground, double length) {
        Color pad = pick(lit(0xF6F3EC), mix(accent, Color.WHITE, 0.35), mix(skyTop, Color.WHITE, 0.3));
        softShadow(x + length / 2, ground, length * 0.55, 0.012);
        for (double legX : new double[] {x + length * 0.08, x + length * 0.6}) {
            fill(box(legX, ground - 0.04, 0.006, 0.04), shade(wood, 0.8));
        }
        fill(box(x, ground - 0.045, length * 0.75, 0.008), shade(wood, 0.9));
        fill(rounded(x, ground - 0.065, length * 0.72, 0.022, 0.01), pad);
        double seat = ground - 0.065;
        fill(poly(x + length * 0.68, seat, x + length * 0.76, seat, x + length, ground - 0.16, x + length * 0.94, ground - 0.17),
                shade(pad, 0.92));
    }

    // ---- drawing primitives (all arguments are fractions of the image) ----

    private double px(double f) {
        return f * w;
    }

    private double py(double f) {
        return f * h;
    }

    private Rectangle2D box(double x, double y, double bw, double bh) {
        return new Rectangle2D.Double(px(x), py(y), px(bw), py(bh));
    }

    private Shape rounded(double x, double y, double bw, double bh, double arc) {
        return new RoundRectangle2D.Double(px(x), py(y), px(bw), py(bh), px(arc), px(arc));
    }

    private Shape oval(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(px(cx - rx), py(cy - ry), px(2 * rx), py(2 * ry));
    }

    private Shape circle(double cx, double cy, double r) {
        return new Ellipse2D.Double(px(cx) - px(r), py(cy) - px(r), px(2 * r), px(2 * r));
    }

    private Line2D line(double x0, double y0, double x1, double y1) {
        return new Line2D.Double(px(x0), py(y0), px(x1), py(y1));
    }

    private Shape poly(double... xy) {
        Path2D path = new Path2D.Double();
        path.moveTo(px(xy[0]), py(xy[1]));
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(px(xy[i]), py(xy[i + 1]));
        }
        path.closePath();
        return path;
    }

    private BasicStroke stroke(double width) {
        return new BasicStroke((float) px(width));
    }

    private void fill(Shape shape, Paint paint) {
        g.setPaint(paint);
        g.fill(shape);
    }

    private void clipped(Shape clip, Runnable painting) {
        Shape saved = g.getClip();
        g.clip(clip);
        painting.run();
        g.setClip(saved);
    }

    private Paint vertical(double y0, double y1, Color top, Color bottom) {
        return new GradientPaint(0f, (float) py(y0), top, 0f, (float) py(y1), bottom);
    }

    private Paint horizontal(double x0, double x1, Color left, Color right) {
        return new GradientPaint((float) px(x0), 0f, left, (float) px(x1), 0f, right);
    }

    private void glowAt(double cx, double cy, double r, Color colour, double strength) {
        Point2D centre = new Point2D.Double(px(cx), py(cy));
        fill(circle(cx, cy, r), new RadialGradientPaint(centre, (float) px(r), new float[] {0f, 1f},
                new Color[] {alpha(colour, strength), alpha(colour, 0)}));
    }

    /** A blurred contact shadow: a unit radial gradient stretched into the ellipse, no image filtering needed. */
    private void softShadow(double cx, double cy, double rx, double ry) {
        AffineTransform stretch = new AffineTransform(px(rx), 0, 0, py(ry), px(cx), py(cy));
        Color[] fade = {alpha(Color.BLACK, 0.28), alpha(Color.BLACK, 0.14), alpha(Color.BLACK, 0)};
        fill(oval(cx, cy, rx, ry), new RadialGradientPaint(new Point2D.Double(), 1f, new Point2D.Double(),
                new float[] {0f, 0.6f, 1f}, fade, CycleMethod.NO_CYCLE, MultipleGradientPaint.ColorSpaceType.SRGB, stretch));
    }

    private double rnd(double min, double max) {
        return min + rng.nextDouble() * (max - min);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[rng.nextInt(options.length)];
    }

    private Color jitter(int rgb) {
        Color c = new Color(rgb);
        int d = 14;
        return new Color(clamp(c.getRed() + rng.nextInt(-d, d)), clamp(c.getGreen() + rng.nextInt(-d, d)),
                clamp(c.getBlue() + rng.nextInt(-d, d)));
    }

    /** Puts a daylight colour into the scene's light: dusk warms it, night sinks it into the sky. */
    private Color lit(int rgb) {
        Color c = jitter(rgb);
        return switch (mood) {
            case DUSK -> shade(mix(c, glow, 0.18), 0.85);
            case NIGHT -> shade(mix(c, skyTop, 0.4), 0.68);
            default -> c;
        };
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color(clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)),
                clamp((int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * t)));
    }

    private static Color shade(Color c, double factor) {
        return factor < 1 ? mix(c, Color.BLACK, 1 - factor) : mix(c, Color.WHITE, factor - 1);
    }

    private static Color alpha(Color c, double a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp((int) Math.round(a * 255)));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
