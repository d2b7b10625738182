package org.nettwin.api.space;

import java.util.Map;


/**
 * Maps the values of a space to table rows {@code 0 ... size()-1}, for tabular methods (Q
 * tables, counted MDPs): discrete spaces by their (mixed-radix) index, bounded continuous
 * coordinates by {@code bins} equal-width bins per coordinate (the upper bound belongs to the last
 * bin). Works on the compact encoding with a reusable buffer, so indexing allocates nothing; an
 * instance is therefore not thread-safe.
 *
 * @since 0.1
 */
public final class TableIndex {

    private final Space<Object> space;
    private final int[] radix;       // per encoded coordinate: number of cells
    private final double[] low;      // per encoded coordinate: lower bound (continuous) or 0
    private final double[] width;    // per encoded coordinate: bin width (continuous) or 0 for discrete
    private final double[] encoded;
    private final int size;

    @SuppressWarnings("unchecked")
    private TableIndex(Space<?> space, int[] radix, double[] low, double[] width, int size) {
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
     * @return the index of {@code space}
     * @throws IllegalArgumentException saying why the space cannot be tabulated
     */
    public static TableIndex of(Space<?> space, int bins, long maxStates) {
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
        return new TableIndex(space, radix, low, width, (int) size);
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
    public int size() {
        return size;
    }

    /** @return whether every value has its own row (no continuous coordinate is binned) */
    public boolean exact() {
        for (double w : width) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the row of {@code value} */
    public int index(Object value) {
        space.encode(value, encoded, 0);
        return indexEncoded(encoded, 0);
    }

    /** @return the row of a value given in the space's compact encoding (as datasets store it) */
    public int indexEncoded(double[] encodedValue, int offset) {
        int idx = 0;
        for (int i = 0; i < radix.length; i++) {
            int cell;
            if (width[i] == 0) {
                cell = (int) Math.round(encodedValue[offset + i] - low[i]);
            } else {
                cell = (int) ((encodedValue[offset + i] - low[i]) / width[i]);
                cell = Math.min(radix[i] - 1, Math.max(0, cell)); // the upper bound belongs to the last bin
            }
            idx = idx * radix[i] + cell;
        }
        return idx;
    }

    /**
     * Writes the compact encoding of row {@code index} into {@code out}: the value itself for
     * discrete coordinates, the bin centre for binned ones.
     */
    public void encodedValue(int index, double[] out, int offset) {
        int rest = index;
        for (int i = radix.length - 1; i >= 0; i--) {
            int cell = rest % radix[i];
            out[offset + i] = width[i] == 0 ? low[i] + cell : low[i] + (cell + 0.5) * width[i];
            rest /= radix[i];
        }
    }

    /** @return the value of row {@code index} (a new object; bin centres for binned coordinates) */
    public Object value(int index) {
        encodedValue(index, encoded, 0);
        return space.decode(encoded, 0);
    }
}
