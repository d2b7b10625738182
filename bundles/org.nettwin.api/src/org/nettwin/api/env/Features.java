package org.nettwin.api.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the numbers of an encoded observation.
 *
 * @since 0.1
 */
public final class Features {

    private Features() {
    }

    /** @return {@code obs_0, obs_1, ..., obs_(n-1)}: the names of features a scenario did not name */
    public static List<String> generic(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add("obs_" + i);
        }
        return List.copyOf(names);
    }

    /**
     * @return the names, checked: one per encoded number, non-blank, unique, no commas (they become
     *         CSV columns and report keys)
     * @throws IllegalArgumentException naming the problem
     */
    public static List<String> checked(List<String> names, int encodedSize) {
        if (names.size() != encodedSize) {
            throw new IllegalArgumentException("observation features: " + names.size() + " names for " + encodedSize + " encoded numbers");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n == null || n.isBlank() || n.indexOf(',') >= 0 || !seen.add(n)) {
                throw new IllegalArgumentException("observation features must be non-blank, unique and without commas; got " + names);
            }
        }
        return List.copyOf(names);
    }
}
