package org.nettwin.api.testkit;

import java.util.List;
import java.util.Map;

import org.nettwin.api.config.Config;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;

/**
 * Checks a {@link SimilarityMetric} against its contract on two subjects that differ; a failed
 * check throws an {@link AssertionError} listing every problem found.
 *
 * <ol>
 * <li>the descriptor and the configuration schema, as for every plugin (documented parameters,
 * valid defaults, out-of-range values and unknown fields refused at the field);</li>
 * <li>{@code subjectType()} is given and both subjects are of it;</li>
 * <li>distances are finite and non-negative, a subject is at distance 0 from itself (within
 * {@value #TOLERANCE}), the distance is symmetric (within {@value #TOLERANCE} relative), and the
 * two different subjects are at a positive distance;</li>
 * <li>the same seed gives the same distance and details, bit for bit; details are not NaN.</li>
 * </ol>
 * For metrics of MDP tables, {@link #randomWalks()} gives two subjects.
 *
 * @since 0.1
 */
public final class MetricConformance {

    /** Absolute tolerance of d(a, a) = 0, and relative tolerance of symmetry. */
    public static final double TOLERANCE = 1e-9;

    private MetricConformance() {
    }

    /** @return the exact tables of two random walks that differ only in their slip probability (0.1 and 0.3) */
    public static List<MdpTables> randomWalks() {
        return List.of(new RandomWalkEnvironment(10, 0.1, 100).tables(), new RandomWalkEnvironment(10, 0.3, 100).tables());
    }

    /** Checks {@code metric} with its default configuration and seed 42. */
    public static <T> void check(SimilarityMetric<T> metric, T a, T b) {
        check(metric, null, a, b, 42L);
    }

    /**
     * Checks {@code metric} on two different subjects {@code a} and {@code b}.
     *
     * @param config validated against the metric's schema, or {@code null} for its defaults
     * @throws AssertionError listing every problem found; its cause is the first exception thrown
     */
    public static <T> void check(SimilarityMetric<T> metric, Config config, T a, T b, long seed) {
        Report report = new Report();
        run(metric, config, a, b, seed, report);
        report.throwIfAny("Metric " + AlgorithmConformance.name(metric) + " (seed " + seed + ")");
    }

    /** @return the problems {@link #check(SimilarityMetric, Config, Object, Object, long)} would report */
    public static <T> List<String> problems(SimilarityMetric<T> metric, Config config, T a, T b, long seed) {
        Report report = new Report();
        run(metric, config, a, b, seed, report);
        return report.problems();
    }

    private static <T> void run(SimilarityMetric<T> metric, Config given, T a, T b, long seed, Report report) {
        if (!PluginChecks.plugin(metric, report)) {
            return;
        }
        Config config;
        try {
            config = given != null ? given : metric.configSchema().defaults();
            Class<T> type = metric.subjectType();
            if (type == null) {
                report.add("subjectType() returned null");
                return;
            }
            if (!type.isInstance(a) || !type.isInstance(b)) {
                report.add("the subjects are not " + type.getName() + "; give the check subjects the metric compares");
                return;
            }
        } catch (RuntimeException e) {
            report.add("the default configuration or subjectType() failed", e);
            return;
        }
        Similarity ab = measure(metric, a, b, config, seed, "d(a, b)", report);
        Similarity ba = measure(metric, b, a, config, seed, "d(b, a)", report);
        Similarity aa = measure(metric, a, a, config, seed, "d(a, a)", report);
        Similarity bb = measure(metric, b, b, config, seed, "d(b, b)", report);
        Similarity again = measure(metric, a, b, config, seed, "d(a, b) again", report);
        if (aa != null && Math.abs(aa.distance()) > TOLERANCE) {
            report.add("d(a, a) = " + aa.distance() + "; a subject is at distance 0 from itself");
        }
        if (bb != null && Math.abs(bb.distance()) > TOLERANCE) {
            report.add("d(b, b) = " + bb.distance() + "; a subject is at distance 0 from itself");
        }
        if (ab == null) {
            return;
        }
        if (!(ab.distance() > 0)) {
            report.add("d(a, b) = " + ab.distance() + " for two different subjects; the metric cannot tell them apart");
        }
        if (ba != null && Math.abs(ab.distance() - ba.distance()) > TOLERANCE * Math.max(1, Math.abs(ab.distance()))) {
            report.add("not symmetric: d(a, b) = " + ab.distance() + " but d(b, a) = " + ba.distance());
        }
        if (again != null && (Double.doubleToLongBits(ab.distance()) != Double.doubleToLongBits(again.distance())
                || !ab.details().equals(again.details()))) {
            report.add("not reproducible: seed " + seed + " gave d(a, b) = " + ab.distance() + " " + ab.details() + ", then "
                    + again.distance() + " " + again.details());
        }
    }

    private static <T> Similarity measure(SimilarityMetric<T> metric, T x, T y, Config config, long seed, String what, Report report) {
        try {
            Similarity s = metric.measure(x, y, config, seed);
            if (s == null) {
                report.add(what + ": measure returned null");
                return null;
            }
            if (!Double.isFinite(s.distance()) || s.distance() < 0) {
                report.add(what + " = " + s.distance() + "; a distance is finite and non-negative");
                return null;
            }
            for (Map.Entry<String, Double> d : s.details().entrySet()) {
                if (d.getValue() == null || Double.isNaN(d.getValue())) {
                    report.add(what + ": detail '" + d.getKey() + "' is " + d.getValue());
                }
            }
            return s;
        } catch (RuntimeException e) {
            report.add(what + ": measure threw", e);
            return null;
        }
    }
}
