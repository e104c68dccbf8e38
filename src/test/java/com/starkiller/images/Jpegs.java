package com.starkiller.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/** Photos to upload in tests. */
public final class Jpegs {

	private Jpegs() {
	}

	/** A small JPEG in colours picked at random, so no other test uploads the same image. */
	public static byte[] unique() {
		BufferedImage picture = new BufferedImage(320, 213, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = picture.createGraphics();
		graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
		graphics.fillRect(0, 0, 320, 213);
		graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
		graphics.fillOval(40, 30, 200, 150);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(picture, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
