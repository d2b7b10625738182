package org.nettwin.api.experiment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One independent piece of a study: a seed, an arm of a seed, a sweep point.
 *
 * @param key   unique within the study, letters, digits, '.', '_', '-' (it may name files)
 * @param seed  the experiment seed it belongs to (the {@code seed} column of its metric rows)
 * @param label how progress lines name it, e.g. {@code seed 3 twin}
 * @param work  its size in the units of {@link UnitContext#progress} (usually environment steps), at least 1
 * @since 0.1
 */
public record Unit(String key, long seed, String label, long work) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Checks the key and work. */
    public Unit {
        Objects.requireNonNull(label, "label");
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("unit key must be letters, digits, '.', '_' or '-', got " + key);
        }
        if (work < 1) {
            throw new IllegalArgumentException("unit " + key + ": work must be at least 1, got " + work);
        }
    }
}
