package org.nettwin.landscape;

import java.io.IOException;
import java.nio.file.Path;

import org.nettwin.api.io.AtomicFiles;
import org.nettwin.plot.HeatMap;
import org.nettwin.plot.LineChart;

/**
 * Writes landscapes for people and programs, each file atomically:
 * <ul>
 * <li>{@code NAME-1d.csv}: header {@code alpha,loss}, one row per sample;</li>
 * <li>{@code NAME-2d.csv}: header {@code alpha,beta,loss}, rows by β then α;</li>
 * <li>{@code NAME-1d.png}: the curve (line chart); {@code NAME-2d.png}: the plane (heat map with iso-lines);</li>
 * <li>{@code NAME.json}: the flatness figures (see {@link Curve} and {@link Plane}) with their
 * ε and radius; keys {@code network}, {@code epsilon}, {@code radius}, and per part present
 * {@code line: {centre_loss, min_loss, argmin_alpha, mean_increase, sharpness, range, points}},
 * {@code plane: {centre_loss, min_loss, mean_increase_within_radius, sharpness, range, points}}.</li>
 * </ul>
 * Numbers are written in Java's shortest round-trip form ({@link Double#toString(double)}): they read back exactly.
 *
 * @since 0.1
 */
public final class LandscapeFiles {

    private LandscapeFiles() {
    }

    /**
     * @param curve   the 1-D landscape, or null
     * @param plane   the 2-D landscape, or null
     * @param epsilon the sharpness radius
     * @param radius  the radius of the 2-D mean increase
     */
    public static void write(Path dir, String name, Curve curve, Plane plane, double epsilon, double radius) throws IOException {
        if (curve == null && plane == null) {
            throw new IllegalArgumentException("nothing to write: give a curve, a plane or both");
        }
        StringBuilder json = new StringBuilder("{\n");
        String network = curve != null ? curve.network() : plane.network();
        json.append("  \"network\": \"").append(network.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        json.append("  \"epsilon\": ").append(num(epsilon)).append(",\n");
        json.append("  \"radius\": ").append(num(radius));
        if (curve != null) {
            StringBuilder csv = new StringBuilder("alpha,loss\n");
            for (int k = 0; k < curve.alphas().length; k++) {
                csv.append(num(curve.alphas()[k])).append(',').append(num(curve.losses()[k])).append('\n');
            }
            AtomicFiles.writeString(dir.resolve(name + "-1d.csv"), csv.toString());
            new LineChart("loss along a filter-normalised direction: " + network, "alpha", "loss")
                    .series(network, curve.alphas(), curve.losses()).writePng(dir.resolve(name + "-1d.png"), 720, 450);
            double[] a = curve.alphas();
            json.append(",\n  \"line\": {\"centre_loss\": ").append(num(curve.centreLoss()))
                    .append(", \"min_loss\": ").append(num(curve.minLoss()))
                    .append(", \"argmin_alpha\": ").append(num(curve.argminAlpha()))
                    .append(", \"mean_increase\": ").append(num(curve.meanIncrease()))
                    .append(", \"sharpness\": ").append(num(curve.sharpness(epsilon)))
                    .append(", \"range\": ").append(num(a[a.length - 1]))
                    .append(", \"points\": ").append(a.length).append('}');
        }
        if (plane != null) {
            StringBuilder csv = new StringBuilder("alpha,beta,loss\n");
            for (int j = 0; j < plane.betas().length; j++) {
                for (int i = 0; i < plane.alphas().length; i++) {
                    csv.append(num(plane.alphas()[i])).append(',').append(num(plane.betas()[j])).append(',')
                            .append(num(plane.losses()[j][i])).append('\n');
                }
            }
            AtomicFiles.writeString(dir.resolve(name + "-2d.csv"), csv.toString());
            new HeatMap("loss on a filter-normalised plane: " + network, "alpha", "beta", plane.alphas(), plane.betas(), plane.losses())
                    .writePng(dir.resolve(name + "-2d.png"), 620, 520);
            double[] a = plane.alphas();
            json.append(",\n  \"plane\": {\"centre_loss\": ").append(num(plane.centreLoss()))
                    .append(", \"min_loss\": ").append(num(plane.minLoss()))
                    .append(", \"mean_increase_within_radius\": ").append(num(plane.meanIncreaseWithin(radius)))
                    .append(", \"sharpness\": ").append(num(plane.sharpness(epsilon)))
                    .append(", \"range\": ").append(num(a[a.length - 1]))
                    .append(", \"points\": ").append(a.length).append('}');
        }
        json.append("\n}\n");
        AtomicFiles.writeString(dir.resolve(name + ".json"), json.toString());
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null"; // shortest form that reads back exactly
    }
}
