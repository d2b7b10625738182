package org.nettwin.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Reading rendered charts back: decoding, colour distances and counts of pixels near a colour. */
final class Pixels {

    private Pixels() {
    }

    static BufferedImage decode(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double distance(int rgb, Color c) {
        int dr = ((rgb >> 16) & 255) - c.getRed();
        int dg = ((rgb >> 8) & 255) - c.getGreen();
        int db = (rgb & 255) - c.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    static boolean near(BufferedImage img, int x, int y, Color c, double tolerance) {
        return distance(img.getRGB(x, y), c) < tolerance;
    }

    /** Pixels within 12 RGB units of {@code colour} in columns [x0, x1) and rows [y0, y1). */
    static int count(BufferedImage img, Color colour, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                if (near(img, x, y, colour, 12)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The colour {@code c} takes when painted with opacity {@code alpha} over white. */
    static Color overWhite(Color c, float alpha) {
        return new Color(Math.round(255 + alpha * (c.getRed() - 255)), Math.round(255 + alpha * (c.getGreen() - 255)),
                Math.round(255 + alpha * (c.getBlue() - 255)));
    }
}
