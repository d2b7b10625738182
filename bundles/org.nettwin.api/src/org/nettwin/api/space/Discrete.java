package org.nettwin.api.space;

import java.util.random.RandomGenerator;

/**
 * The integers {@code start, ..., start + n - 1}.
 *
 * @param n     number of values, at least 1
 * @param start smallest value
 * @since 0.1
 */
public record Discrete(int n, int start) implements Space<Integer> {

    /** Validates the bounds. */
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete space needs n >= 1, got " + n);
        }
    }

    /** The integers {@code 0 ... n-1}. */
    public Discrete(int n) {
        this(n, 0);
    }

    @Override
    public Integer sample(RandomGenerator random) {
        return start + random.nextInt(n);
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= start && (long) value - start < n;
    }

    @Override
    public Class<Integer> valueType() {
        return Integer.class;
    }

    @Override
    public String describe() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }

    @Override
    public int flatSize() {
        return n;
    }

    @Override
    public void flatten(Integer value, double[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + n, 0.0);
        out[offset + value - start] = 1.0;
    }

    @Override
    public Integer unflatten(double[] in, int offset) {
        return start + Vectors.argMax(in, offset, n);
    }

    @Override
    public int encodedSize() {
        return 1;
    }

    @Override
    public void encode(Integer value, double[] out, int offset) {
        out[offset] = value;
    }

    @Override
    public Integer decode(double[] in, int offset) {
        return (int) Math.round(in[offset]);
    }

    @Override
    public Integer copy(Integer value) {
        return value;
    }

    /** @return the zero-based index of {@code value} within the space */
    public int indexOf(int value) {
        return value - start;
    }
}
