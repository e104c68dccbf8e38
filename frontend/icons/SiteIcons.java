import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Draws the site icons into frontend/public/ from one shape (a white star on the accent colour of
 * site.css): favicon.svg, favicon.ico (16 and 32 px PNGs) and apple-touch-icon.png (180 px). The
 * outputs are committed, so a build needs no Java step; run again after changing the shape:
 * {@code java frontend/icons/SiteIcons.java frontend/public}.
 */
public class SiteIcons {

	private static final Color ACCENT = new Color(0xe0, 0x00, 0x4d);

	/** The star's points on a 32-unit square, outer and inner radius alternating, from the top. */
	private static double[][] star() {
		double[][] points = new double[10][];
		for (int i = 0; i < 10; i++) {
			double radius = (i % 2 == 0) ? 11 : 4.6;
			double angle = -Math.PI / 2 + i * Math.PI / 5;
			points[i] = new double[] { 16 + radius * Math.cos(angle), 17 + radius * Math.sin(angle) };
		}
		return points;
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args.length > 0 ? args[0] : "frontend/public");
		Files.createDirectories(out);
		Files.writeString(out.resolve("favicon.svg"), svg());
		Files.write(out.resolve("apple-touch-icon.png"), png(180, false));
		Files.write(out.resolve("favicon.ico"), ico(List.of(png(16, true), png(32, true)), List.of(16, 32)));
	}

	private static String svg() {
		StringBuilder points = new StringBuilder();
		for (double[] point : star()) {
			points.append(String.format(Locale.ROOT, "%.2f,%.2f ", point[0], point[1]));
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
				+ "<rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#e0004d\"/>"
				+ "<polygon points=\"" + points.toString().strip() + "\" fill=\"#fff\"/></svg>\n";
	}

	/** Rounded corners for the favicon; the touch icon is square (iOS rounds it itself). */
	private static byte[] png(int size, boolean rounded) throws IOException {
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		g.setTransform(AffineTransform.getScaleInstance(size / 32.0, size / 32.0));
		g.setColor(ACCENT);
		g.fill(rounded ? new RoundRectangle2D.Double(0, 0, 32, 32, 14, 14) : new java.awt.Rectangle(0, 0, 32, 32));
		Path2D.Double star = new Path2D.Double();
		double[][] points = star();
		star.moveTo(points[0][0], points[0][1]);
		for (int i = 1; i < points.length; i++) {
			star.lineTo(points[i][0], points[i][1]);
		}
		star.closePath();
		g.setColor(Color.WHITE);
		g.fill(star);
		g.dispose();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

	/** An ICO holding PNGs, which every browser since IE 11 reads. */
	private static byte[] ico(List<byte[]> pngs, List<Integer> sizes) {
		int offset = 6 + 16 * pngs.size();
		int length = offset + pngs.stream().mapToInt((png) -> png.length).sum();
		ByteBuffer ico = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
		ico.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
		for (int i = 0; i < pngs.size(); i++) {
			int size = sizes.get(i);
			ico.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0);
			ico.putShort((short) 1).putShort((short) 32).putInt(pngs.get(i).length).putInt(offset);
			offset += pngs.get(i).length;
		}
		pngs.forEach(ico::put);
		return ico.array();
	}

}
