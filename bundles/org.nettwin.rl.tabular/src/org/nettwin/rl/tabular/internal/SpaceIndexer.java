package org.nettwin.rl.tabular.internal;

import java.util.Map;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * Maps the values of a space to table rows {@code 0 ... size()-1}: discrete spaces by their
 * (mixed-radix) index, bounded continuous coordinates by {@code bins} equal-width bins per
 * coordinate. Works on the compact encoding, with a reusable buffer, so indexing allocates
 * nothing.
 */
final class SpaceIndexer {

    private final Space<Object> space;
    private final int[] radix;       // per encoded coordinate: number of cells
    private final double[] low;      // per encoded coordinate: lower bound (continuous) or 0
    private final double[] width;    // per encoded coordinate: bin width (continuous) or 0 for discrete
    private final double[] encoded;
    private final int size;

    @SuppressWarnings("unchecked")
    private SpaceIndexer(Space<?> space, int[] radix, double[] low, double[] width, int size) {
        this.space = (Space<Object>) space;
        this.radix = radix;
        this.low = low;
        this.width = width;
        this.encoded = new double[space.encodedSize()];
        this.size = size;
    }

    /**
     * @param bins      bins per continuous coordinate
     * @param maxStates refuse spaces with more cells than this
     * @throws IllegalArgumentException saying why the space cannot be tabulated
     */
    static SpaceIndexer of(Space<?> space, int bins, long maxStates) {
        int n = space.encodedSize();
        int[] radix = new int[n];
        double[] low = new double[n];
        double[] width = new double[n];
        fill(space, bins, radix, low, width, 0);
        long size = 1;
        for (int r : radix) {
            size *= r;
            if (size > maxStates) {
                throw new IllegalArgumentException(space.describe() + " has more than maxStates=" + maxStates
                        + " cells at " + bins + " bins per continuous coordinate");
            }
        }
        return new SpaceIndexer(space, radix, low, width, (int) size);
    }

    private static int fill(Space<?> space, int bins, int[] radix, double[] low, double[] width, int at) {
        switch (space) {
            case Discrete d -> {
                radix[at] = d.n();
                low[at] = d.start();
                return at + 1;
            }
            case MultiDiscrete m -> {
                for (int i = 0; i < m.length(); i++) {
                    radix[at + i] = m.size(i);
                }
                return at + m.length();
            }
            case Box b -> {
                if (!b.isBounded()) {
                    throw new IllegalArgumentException(b.describe() + " has infinite bounds and cannot be binned for a table");
                }
                for (int i = 0; i < b.dimension(); i++) {
                    radix[at + i] = bins;
                    low[at + i] = b.low(i);
                    width[at + i] = Math.max(1e-300, (b.high(i) - b.low(i)) / bins);
                }
                return at + b.dimension();
            }
            case Simplex s -> {
                for (int i = 0; i < s.n(); i++) {
                    radix[at + i] = bins;
                    width[at + i] = 1.0 / bins;
                }
                return at + s.n();
            }
            case DictSpace d -> {
                int o = at;
                for (Map.Entry<String, Space<?>> e : d.parts().entrySet()) {
                    o = fill(e.getValue(), bins, radix, low, width, o);
                }
                return o;
            }
        }
    }

    /** @return number of table rows */
    int size() {
        return size;
    }

    /** @return the row of {@code value} */
    int index(Object value) {
        space.encode(value, encoded, 0);
        int idx = 0;
        for (int i = 0; i < radix.length; i++) {
            int cell;
            if (width[i] == 0) {
                cell = (int) Math.round(encoded[i] - low[i]);
            } else {
                cell = (int) ((encoded[i] - low[i]) / width[i]);
                cell = Math.min(radix[i] - 1, Math.max(0, cell)); // the upper bound belongs to the last bin
            }
            idx = idx * radix[i] + cell;
        }
        return idx;
    }

    /** @return the value of discrete row {@code index} (only for spaces without continuous parts) */
    Object value(int index) {
        int rest = index;
        for (int i = radix.length - 1; i >= 0; i--) {
            encoded[i] = low[i] + rest % radix[i];
            rest /= radix[i];
        }
        return space.decode(encoded, 0);
    }
}
