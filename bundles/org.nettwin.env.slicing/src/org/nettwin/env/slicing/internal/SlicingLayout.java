package org.nettwin.env.slicing.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * The observation layout both slicing scenarios share, so rule-based policies can read the
 * per-slice demand from an observation: a {@link Box} of {@code BLOCKS * N} non-negative values,
 * five blocks of {@code N} per-slice values, the first block being the offered traffic in
 * Mbit/s. The other blocks are scenario-specific and documented on each environment.
 */
final class SlicingLayout {

    /** Per-slice blocks in an observation. */
    static final int BLOCKS = 5;

    /** Index of the block holding each slice's offered traffic (Mbit/s). */
    static final int DEMAND_BLOCK = 0;

    /** Units and slices of the discrete single-cell action set, for recognising it. */
    static final int SINGLE_CELL_SLICES = 3;

    private SlicingLayout() {
    }

    /** @return the feature names of the layout: {@code block_slice} for each block, then each slice */
    static List<String> features(List<String> blocks, List<String> slices) {
        List<String> names = new ArrayList<>();
        for (String block : blocks) {
            for (String slice : slices) {
                names.add(block + "_" + slice);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Recognises a slicing scenario from its spaces.
     *
     * @return the number of slices, or a negative number when the spaces are not a slicing
     *         scenario's (observation a non-negative Box of 5N values; action {@code Simplex(N)},
     *         or {@code Discrete} over the 1-unit splits of a 3-slice cell)
     */
    static int slices(Space<?> observations, Space<?> actions) {
        if (!(observations instanceof Box box) || box.dimension() % BLOCKS != 0) {
            return -1;
        }
        for (int i = 0; i < box.dimension(); i++) {
            if (box.low(i) != 0.0) {
                return -1;
            }
        }
        int n = box.dimension() / BLOCKS;
        if (actions instanceof Simplex s) {
            return s.n() == n ? n : -1;
        }
        if (actions instanceof Discrete d && d.start() == 0 && n == SINGLE_CELL_SLICES) {
            return discreteUnits(d.n()) > 0 ? n : -1;
        }
        return -1;
    }

    /**
     * @return the bandwidth units whose splits into 3 slices of at least one unit number
     *         {@code actions}, or -1 if there is none (the count grows strictly with the units)
     */
    static int discreteUnits(int actions) {
        for (int units = SINGLE_CELL_SLICES; units <= 10_000; units++) {
            long c = Splits.count(units, SINGLE_CELL_SLICES, 1);
            if (c == actions) {
                return units;
            }
            if (c > actions) {
                return -1;
            }
        }
        return -1;
    }
}
