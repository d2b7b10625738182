package org.nettwin.plot.internal;

import java.awt.geom.Path2D;

/**
 * Iso-lines of a surface sampled on a rectangular grid, traced by marching squares with linear
 * interpolation between grid points. JFreeChart no longer draws contours, so heat maps lay these
 * segments over their cells.
 */
public final class IsoLines {

    private IsoLines() {
    }

    /**
     * @param z {@code z[j][i]} is the value at {@code (xs[i], ys[j])}
     * @param levels number of interior levels, evenly spaced strictly between {@code zLo} and {@code zHi}
     * @return every segment of every level, in data coordinates
     */
    public static Path2D.Double trace(double[] xs, double[] ys, double[][] z, int levels, double zLo, double zHi) {
        Path2D.Double path = new Path2D.Double();
        double[] ex = new double[4];
        double[] ey = new double[4];
        for (int level = 1; level <= levels; level++) {
            double c = zLo + (zHi - zLo) * level / (levels + 1);
            for (int j = 0; j + 1 < ys.length; j++) {
                for (int i = 0; i + 1 < xs.length; i++) {
                    // corners counter-clockwise from bottom-left: (i,j) (i+1,j) (i+1,j+1) (i,j+1)
                    double v0 = z[j][i], v1 = z[j][i + 1], v2 = z[j + 1][i + 1], v3 = z[j + 1][i];
                    int n = 0;
                    n = crossing(v0, v1, c, xs[i], ys[j], xs[i + 1], ys[j], ex, ey, n);
                    n = crossing(v1, v2, c, xs[i + 1], ys[j], xs[i + 1], ys[j + 1], ex, ey, n);
                    n = crossing(v2, v3, c, xs[i + 1], ys[j + 1], xs[i], ys[j + 1], ex, ey, n);
                    n = crossing(v3, v0, c, xs[i], ys[j + 1], xs[i], ys[j], ex, ey, n);
                    if (n == 2) {
                        segment(path, ex, ey, 0, 1);
                    } else if (n == 4) {
                        // a saddle: opposite corners alike; the cell mean decides which pairs join
                        boolean centreAbove = (v0 + v1 + v2 + v3) / 4 >= c;
                        boolean firstAbove = v0 >= c;
                        // crossings lie on edges 0-1, 1-2, 2-3, 3-0 in that order
                        if (centreAbove == firstAbove) {
                            segment(path, ex, ey, 0, 1);
                            segment(path, ex, ey, 2, 3);
                        } else {
                            segment(path, ex, ey, 0, 3);
                            segment(path, ex, ey, 1, 2);
                        }
                    }
                }
            }
        }
        return path;
    }

    private static int crossing(double va, double vb, double c, double xa, double ya, double xb, double yb, double[] ex,
            double[] ey, int n) {
        if ((va >= c) == (vb >= c)) {
            return n;
        }
        double t = (c - va) / (vb - va);
        ex[n] = xa + t * (xb - xa);
        ey[n] = ya + t * (yb - ya);
        return n + 1;
    }

    private static void segment(Path2D.Double path, double[] ex, double[] ey, int a, int b) {
        path.moveTo(ex[a], ey[a]);
        path.lineTo(ex[b], ey[b]);
    }
}
