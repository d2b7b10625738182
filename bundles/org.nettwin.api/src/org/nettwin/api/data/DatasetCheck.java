package org.nettwin.api.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.MultiDiscrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * Checks a dataset against the spaces it is meant for before anything learns from it: sizes,
 * every observation, action and next observation inside its space (discrete values whole and in
 * range, boxes within their bounds, shares non-negative and summing to 1), finite rewards,
 * episode numbers that never go back, and the scenario its metadata names. Each problem names
 * where it is ({@code FILE:LINE} for CSV, {@code FILE: transition i} for binary data).
 *
 * @since 0.1
 */
public final class DatasetCheck {

    /** Tolerance of a Simplex's sum. */
    private static final double SUM_TOLERANCE = 1e-6;

    private DatasetCheck() {
    }

    /**
     * @param scenario the experiment's scenario id, compared with the dataset's {@code scenario}
     *                 metadata when it has one (data from elsewhere may not)
     * @param where    transition index → its place in the file
     * @param limit    the most problems reported (the count of the rest is added)
     * @return the problems, empty if the dataset fits
     */
    public static List<String> problems(TransitionDataset data, Space<?> observations, Space<?> actions, String scenario,
            IntFunction<String> where, String source, int limit) {
        List<String> out = new ArrayList<>();
        if (data.observationSize() != observations.encodedSize() || data.actionSize() != actions.encodedSize()) {
            out.add(source + ": transitions of " + data.observationSize() + " observation and " + data.actionSize()
                    + " action values do not fit " + observations.describe() + " -> " + actions.describe() + " ("
                    + observations.encodedSize() + " and " + actions.encodedSize() + ")");
            return out;
        }
        String recorded = data.metadata().get("scenario");
        if (recorded != null && scenario != null && !recorded.equals(scenario)) {
            out.add(source + ": the dataset was recorded on " + recorded + ", the experiment's scenario is " + scenario);
        }
        if (data.size() == 0) {
            out.add(source + ": the dataset has no transitions");
            return out;
        }
        double[] o = new double[data.observationSize()];
        double[] a = new double[data.actionSize()];
        int skipped = 0;
        int lastEpisode = Integer.MIN_VALUE;
        for (int i = 0; i < data.size(); i++) {
            String problem = null;
            if (data.episode(i) < lastEpisode) {
                problem = "episode " + data.episode(i) + " comes after episode " + lastEpisode;
            }
            lastEpisode = data.episode(i);
            if (problem == null) {
                data.observation(i, o, 0);
                problem = outside(observations, o, 0, "observation");
            }
            if (problem == null) {
                data.action(i, a, 0);
                problem = outside(actions, a, 0, "action");
            }
            if (problem == null) {
                data.nextObservation(i, o, 0);
                problem = outside(observations, o, 0, "next observation");
            }
            if (problem == null && !Double.isFinite(data.reward(i))) {
                problem = "reward " + data.reward(i) + " is not finite";
            }
            if (problem != null) {
                if (out.size() < limit) {
                    out.add(where.apply(i) + ": " + problem);
                } else {
                    skipped++;
                }
            }
        }
        if (skipped > 0) {
            out.add(source + ": " + skipped + " more transitions do not fit");
        }
        return out;
    }

    /** @return why the encoded value at {@code off} is outside {@code space}, or null */
    private static String outside(Space<?> space, double[] v, int off, String role) {
        switch (space) {
            case Discrete d -> {
                return whole(v[off], d.start(), d.start() + d.n() - 1) ? null : role + " " + v[off] + " is not in " + d.describe();
            }
            case MultiDiscrete m -> {
                for (int k = 0; k < m.length(); k++) {
                    if (!whole(v[off + k], 0, m.size(k) - 1)) {
                        return role + " component " + k + " = " + v[off + k] + " is not in " + m.describe();
                    }
                }
                return null;
            }
            case Box b -> {
                for (int k = 0; k < b.dimension(); k++) {
                    double x = v[off + k];
                    if (!Double.isFinite(x) || x < b.low(k) || x > b.high(k)) {
                        return role + " coordinate " + k + " = " + x + " is outside " + b.describe();
                    }
                }
                return null;
            }
            case Simplex s -> {
                double sum = 0;
                for (int k = 0; k < s.n(); k++) {
                    double x = v[off + k];
                    if (!(x >= 0 && x <= 1)) {
                        return role + " share " + k + " = " + x + " is not in [0, 1]";
                    }
                    sum += x;
                }
                return Math.abs(sum - 1) <= SUM_TOLERANCE ? null : role + " shares sum to " + sum + ", not 1";
            }
            case DictSpace d -> {
                int at = off;
                for (Map.Entry<String, Space<?>> part : d.parts().entrySet()) {
                    String p = outside(part.getValue(), v, at, role + " " + part.getKey());
                    if (p != null) {
                        return p;
                    }
                    at += part.getValue().encodedSize();
                }
                return null;
            }
        }
    }

    private static boolean whole(double x, long min, long max) {
        return Double.isFinite(x) && x == Math.rint(x) && x >= min && x <= max;
    }
}
