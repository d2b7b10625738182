package org.nettwin.env.slicing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Bandwidth splits between slices: the enumerated discrete action set (every way to give each
 * slice a whole number of bandwidth units, at least {@code min} each, as in Li et al. 2018) and
 * the rounding of continuous shares to whole resource blocks.
 */
final class Splits {

    private Splits() {
    }

    /**
     * @return every split of {@code units} into {@code slices} parts of at least {@code min},
     *         in lexicographic order (slice 0's units ascending first)
     */
    static int[][] enumerate(int units, int slices, int min) {
        List<int[]> out = new ArrayList<>();
        fill(new int[slices], 0, units, min, out);
        return out.toArray(new int[0][]);
    }

    private static void fill(int[] prefix, int index, int remaining, int min, List<int[]> out) {
        int last = prefix.length - 1;
        if (index == last) {
            if (remaining >= min) {
                prefix[last] = remaining;
                out.add(prefix.clone());
            }
            return;
        }
        int others = (last - index) * min;
        for (int u = min; u <= remaining - others; u++) {
            prefix[index] = u;
            fill(prefix, index + 1, remaining - u, min, out);
        }
    }

    /** @return the number of splits {@link #enumerate} lists: C(units - slices*(min-1) - 1, slices - 1) */
    static long count(int units, int slices, int min) {
        int free = units - slices * min;
        if (free < 0) {
            return 0;
        }
        long c = 1;
        for (int i = 1; i < slices; i++) {
            c = c * (free + i) / i;
        }
        return c;
    }

    /**
     * Rounds {@code shares} (summing to 1) to whole blocks summing to {@code total} by the
     * largest-remainder (Hamilton) method, writing into {@code out}; allocation-free.
     *
     * @param remainders scratch of at least {@code shares.length}
     */
    static void roundShares(double[] shares, int total, int[] out, double[] remainders) {
        int n = shares.length;
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = shares[i] * total;
            int floor = (int) Math.floor(exact);
            out[i] = floor;
            remainders[i] = exact - floor;
            assigned += floor;
        }
        // ties go to the lower index, so the rounding is deterministic
        for (int left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1.0;
        }
        for (int left = assigned - total; left > 0; left--) {
            // shares summing slightly above 1 (within the Simplex tolerance): take from the largest
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (out[i] > out[best]) {
                    best = i;
                }
            }
            out[best]--;
        }
    }
}
