package org.nettwin.api.space;

import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A set of values an observation or action may take, as in Gymnasium.
 *
 * <p>Every space can sample a value from a caller-supplied generator (so runs are reproducible),
 * check membership, describe itself for error messages, and flatten a value into a vector of
 * doubles (the form neural networks consume).
 *
 * @param <T> the Java type of the space's values
 * @since 0.1
 */
@ProviderType
public sealed interface Space<T> permits Discrete, MultiDiscrete, Box, Simplex, DictSpace {

    /** @return a uniformly (or, for {@link Simplex}, Dirichlet(1)) distributed value */
    T sample(RandomGenerator random);

    /** @return whether {@code value} is a member of this space (finite, in bounds, right size) */
    boolean contains(T value);

    /**
     * @return the Java type of the space's values ({@code Integer} for {@link Discrete},
     *         {@code int[]} for {@link MultiDiscrete}, {@code double[]} for {@link Box} and
     *         {@link Simplex}, {@code Map} for {@link DictSpace})
     */
    Class<T> valueType();

    /** @return a short, human-readable description, e.g. {@code Discrete(4)} */
    String describe();

    /** @return the length of the flat vector {@link #flatten} writes */
    int flatSize();

    /**
     * Writes {@code value} as {@link #flatSize()} doubles into {@code out} from {@code offset}:
     * one-hot for discrete spaces, the raw coordinates for continuous ones.
     */
    void flatten(T value, double[] out, int offset);

    /** Reads a value written by {@link #flatten} (for discrete spaces: the arg-max). */
    T unflatten(double[] in, int offset);

    /**
     * @return the length of the compact encoding {@link #encode} writes: one number per discrete
     *         component (its value), one per continuous coordinate. Datasets store this form.
     */
    int encodedSize();

    /** Writes the compact encoding of {@code value} into {@code out} from {@code offset}. */
    void encode(T value, double[] out, int offset);

    /** Reads a value from its compact encoding; discrete components are rounded. */
    T decode(double[] in, int offset);

    /** @return a deep copy of {@code value}, safe to keep after the producer reuses its buffer */
    T copy(T value);

    /**
     * Throws {@link SpaceViolationException} naming this space when {@code value} is not a member.
     *
     * @param role what the value is, for the message: {@code "action"}, {@code "observation"}
     */
    default void check(T value, String role) {
        boolean member;
        try {
            member = value != null && contains(value);
        } catch (ClassCastException wrongType) {
            member = false; // a value of another Java type (raw use) is simply not a member
        }
        if (!member) {
            throw new SpaceViolationException(this, role, value);
        }
    }

    /** @return a flat vector holding {@code value} */
    default double[] flatten(T value) {
        double[] out = new double[flatSize()];
        flatten(value, out, 0);
        return out;
    }
}
