package org.nettwin.api.rl;

import java.util.List;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;

/**
 * A value annealed over environment steps (exploration rate, learning rate, noise scale):
 * constant, linear from {@code start} to {@code end} over {@code steps}, or exponential with the
 * same endpoints (geometric interpolation). After {@code steps} it stays at {@code end}.
 *
 * @param shape the interpolation
 * @param start value at step 0
 * @param end   value from {@code steps} on
 * @param steps length of the annealing, at least 1
 * @since 0.1
 */
public record Schedule(Shape shape, double start, double end, long steps) {

    /** How the value moves from start to end. */
    public enum Shape {
        /** Always {@code start}. */
        CONSTANT,
        /** Straight line. */
        LINEAR,
        /** Geometric: equal ratios per step; start and end must be positive. */
        EXPONENTIAL
    }

    /** Validates the endpoints. */
    public Schedule {
        if (steps < 1 || !Double.isFinite(start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException("a schedule needs finite endpoints and at least one step");
        }
        if (shape == Shape.EXPONENTIAL && (start <= 0 || end <= 0)) {
            throw new IllegalArgumentException("an exponential schedule needs positive endpoints, got " + start + " and " + end);
        }
    }

    /** @return the value at environment step {@code step} */
    public double at(long step) {
        if (shape == Shape.CONSTANT) {
            return start;
        }
        double f = Math.min(1.0, Math.max(0.0, (double) step / steps));
        return shape == Shape.LINEAR ? start + f * (end - start) : start * Math.pow(end / start, f);
    }

    /**
     * The schedule of four components of a configuration record (see
     * {@link org.nettwin.api.config.Param}): {@code PREFIXSchedule} ({@code constant}, {@code linear}
     * or {@code exponential}), {@code PREFIXStart}, {@code PREFIXEnd} and {@code PREFIXSteps}, so
     * every algorithm names and reads its schedules alike. Call it from the record's compact
     * constructor: an endpoint the shape cannot take is then a located error of the experiment file.
     *
     * @throws ConfigException at {@code PREFIXStart} or {@code PREFIXEnd} for an exponential
     *                         schedule with an endpoint that is not positive, at {@code PREFIXSteps}
     *                         for fewer than one step, at {@code PREFIXSchedule} for another shape
     */
    public static Schedule of(String prefix, String shape, double start, double end, long steps) {
        Shape s;
        try {
            s = Shape.valueOf(shape.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(prefix + "Schedule", "is '" + shape + "'; allowed: constant, linear, exponential");
        }
        if (steps < 1) {
            throw new ConfigException(prefix + "Steps", "must be at least 1, got " + steps);
        }
        if (s == Shape.EXPONENTIAL && !(start > 0)) {
            throw new ConfigException(prefix + "Start", "an exponential schedule needs a positive start, got " + start);
        }
        if (s == Shape.EXPONENTIAL && !(end > 0)) {
            throw new ConfigException(prefix + "End", "an exponential schedule needs a positive end, got " + end);
        }
        return new Schedule(s, start, end, steps);
    }

    /**
     * Adds the four parameters {@code PREFIX.schedule}, {@code PREFIX.start}, {@code PREFIX.end},
     * {@code PREFIX.steps} to a schema, so every algorithm configures schedules alike.
     */
    public static ConfigSchema.Builder addTo(ConfigSchema.Builder schema, String prefix, String what, String shape, double start,
            double end, long steps, double min, double max) {
        return schema.choiceParam(prefix + "Schedule", shape, List.of("constant", "linear", "exponential"), "how " + what + " is annealed")
                .doubleParam(prefix + "Start", start, min, max, what + " at the first step")
                .doubleParam(prefix + "End", end, min, max, what + " after the annealing steps")
                .longParam(prefix + "Steps", steps, 1, Long.MAX_VALUE, "environment steps over which " + what + " is annealed");
    }

    /** Reads a schedule written by {@link #addTo}. */
    public static Schedule from(Config config, String prefix) {
        Shape shape = Shape.valueOf(config.getString(prefix + "Schedule").toUpperCase(java.util.Locale.ROOT));
        return new Schedule(shape, config.getDouble(prefix + "Start"), config.getDouble(prefix + "End"), config.getLong(prefix + "Steps"));
    }
}
