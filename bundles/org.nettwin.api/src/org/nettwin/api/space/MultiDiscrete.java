package org.nettwin.api.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A vector of independent discrete choices; component {@code i} takes values
 * {@code 0 ... nvec[i]-1}. Values are {@code int[]}.
 *
 * @since 0.1
 */
public final class MultiDiscrete implements Space<int[]> {

    private final int[] nvec;
    private final int flatSize;

    /** @param nvec the number of choices of each component, each at least 1 */
    public MultiDiscrete(int... nvec) {
        if (nvec.length == 0) {
            throw new IllegalArgumentException("MultiDiscrete needs at least one component");
        }
        int total = 0;
        for (int n : nvec) {
            if (n < 1) {
                throw new IllegalArgumentException("MultiDiscrete components need n >= 1, got " + Arrays.toString(nvec));
            }
            total += n;
        }
        this.nvec = nvec.clone();
        this.flatSize = total;
    }

    /** @return a copy of the component sizes */
    public int[] nvec() {
        return nvec.clone();
    }

    /** @return number of components */
    public int length() {
        return nvec.length;
    }

    /** @return the number of choices of component {@code i} */
    public int size(int i) {
        return nvec[i];
    }

    /** @return the number of distinct values (product of component sizes), saturating at {@link Long#MAX_VALUE} */
    public long cardinality() {
        long c = 1;
        for (int n : nvec) {
            try {
                c = Math.multiplyExact(c, n);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    /** @return the mixed-radix index of {@code value} in {@code 0 ... cardinality()-1} */
    public long index(int[] value) {
        long idx = 0;
        for (int i = 0; i < nvec.length; i++) {
            idx = idx * nvec[i] + value[i];
        }
        return idx;
    }

    /** Writes into {@code out} the value whose mixed-radix index is {@code index}. */
    public void valueOf(long index, int[] out) {
        for (int i = nvec.length - 1; i >= 0; i--) {
            out[i] = (int) (index % nvec[i]);
            index /= nvec[i];
        }
    }

    @Override
    public int[] sample(RandomGenerator random) {
        int[] v = new int[nvec.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(nvec[i]);
        }
        return v;
    }

    @Override
    public boolean contains(int[] value) {
        if (value == null || value.length != nvec.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (value[i] < 0 || value[i] >= nvec[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Class<int[]> valueType() {
        return int[].class;
    }

    @Override
    public String describe() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }

    @Override
    public int flatSize() {
        return flatSize;
    }

    @Override
    public void flatten(int[] value, double[] out, int offset) {
        Arrays.fill(out, offset, offset + flatSize, 0.0);
        int o = offset;
        for (int i = 0; i < nvec.length; i++) {
            out[o + value[i]] = 1.0;
            o += nvec[i];
        }
    }

    @Override
    public int[] unflatten(double[] in, int offset) {
        int[] v = new int[nvec.length];
        int o = offset;
        for (int i = 0; i < nvec.length; i++) {
            v[i] = Vectors.argMax(in, o, nvec[i]);
            o += nvec[i];
        }
        return v;
    }

    @Override
    public int encodedSize() {
        return nvec.length;
    }

    @Override
    public void encode(int[] value, double[] out, int offset) {
        for (int i = 0; i < nvec.length; i++) {
            out[offset + i] = value[i];
        }
    }

    @Override
    public int[] decode(double[] in, int offset) {
        int[] v = new int[nvec.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (int) Math.round(in[offset + i]);
        }
        return v;
    }

    @Override
    public int[] copy(int[] value) {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(nvec, m.nvec);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nvec);
    }

    @Override
    public String toString() {
        return describe();
    }
}
