package org.nettwin.experiment.distill.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.io.AtomicFiles;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * What a distillation costs and keeps, measured rather than claimed: sizes, inference time per
 * action, agreement with the teacher on held-out states and the return each policy achieves.
 *
 * <ul>
 * <li><b>Inference time</b>: the median of {@code timingCalls} single {@code act} calls, each timed
 * with {@link System#nanoTime()}, after as many untimed warm-up calls, cycling over the held-out
 * states (teacher first, then student). It depends on the machine and its load: report it, do not
 * assert it.</li>
 * <li><b>Agreement</b>: the share of held-out states on which the student's action matches the
 * teacher's: equal encoded values for discrete spaces; for a Box every coordinate within
 * {@link #TOLERANCE} of its bound width (absolute where unbounded); for a Simplex every share within
 * {@link #TOLERANCE}. {@code meanAbsoluteError} is the mean over states and coordinates of
 * |student − teacher| in encoded form (for discrete spaces, of the encoded values).</li>
 * <li><b>Return</b>: {@link Rollouts#meanReturn(Environment, Policy, int, long, int)} of each policy
 * on the same environment with the same episode seeds; {@code returnKept} = student / teacher
 * when the teacher's return is positive (else NaN, written as {@code null}).</li>
 * </ul>
 */
public record DistillationReport(long teacherParameters, long studentParameters, double teacherNanosPerAction,
        double studentNanosPerAction, int timingCalls, int heldOutStates, double agreement, double meanAbsoluteError, int episodes,
        double teacherReturn, double studentReturn) {

    /** Relative (Box, of the bound width) or absolute (Simplex share) tolerance of continuous agreement. */
    public static final double TOLERANCE = 0.05;

    /** @return teacher parameters per student parameter (infinite for a parameter-free student) */
    public double compressionRatio() {
        return studentParameters == 0 ? Double.POSITIVE_INFINITY : (double) teacherParameters / studentParameters;
    }

    /** @return the share of the teacher's return the student keeps, NaN unless the teacher's return is positive */
    public double returnKept() {
        return teacherReturn > 0 ? studentReturn / teacherReturn : Double.NaN;
    }

    /** @return teacher inference time per student inference time */
    public double speedUp() {
        return teacherNanosPerAction / studentNanosPerAction;
    }

    /**
     * Measures teacher and student.
     *
     * @param heldOut     states (encoded in the teacher's observation space) the student did not train on
     * @param env         environment for the return of each policy
     * @param episodes    episodes per policy
     * @param seed        seed of the episodes (the same for both)
     * @param maxSteps    step limit per episode
     * @param timingCalls timed calls per policy (and as many warm-up calls)
     * @throws IllegalArgumentException if the spaces differ, the held-out set is empty or sized wrongly
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static DistillationReport measure(Policy<?, ?> teacher, Policy<?, ?> student, TransitionDataset heldOut, Environment<?, ?> env,
            int episodes, long seed, int maxSteps, int timingCalls) {
        Objects.requireNonNull(env, "env");
        Space<Object> obs = (Space<Object>) teacher.observationSpace();
        Space<Object> act = (Space<Object>) teacher.actionSpace();
        if (!obs.describe().equals(student.observationSpace().describe()) || !act.describe().equals(student.actionSpace().describe())) {
            throw new IllegalArgumentException("student acts in " + student.observationSpace().describe() + " -> "
                    + student.actionSpace().describe() + ", the teacher in " + obs.describe() + " -> " + act.describe());
        }
        if (heldOut.size() == 0) {
            throw new IllegalArgumentException("heldOut: the dataset is empty");
        }
        if (heldOut.observationSize() != obs.encodedSize()) {
            throw new IllegalArgumentException("heldOut: observations have " + heldOut.observationSize() + " values, "
                    + obs.describe() + " encodes to " + obs.encodedSize());
        }
        if (episodes < 1 || timingCalls < 1) {
            throw new IllegalArgumentException("episodes and timingCalls must be positive, got " + episodes + " and " + timingCalls);
        }
        Object[] states = new Object[heldOut.size()];
        double[] row = new double[heldOut.observationSize()];
        for (int i = 0; i < states.length; i++) {
            heldOut.observation(i, row, 0);
            states[i] = obs.decode(row, 0);
        }
        Policy t = teacher;
        Policy s = student;
        int width = act.encodedSize();
        double[] ta = new double[width];
        double[] sa = new double[width];
        int agreeing = 0;
        double absError = 0;
        for (Object o : states) {
            act.encode(t.act(o), ta, 0);
            act.encode(s.act(o), sa, 0);
            boolean same = true;
            for (int k = 0; k < width; k++) {
                double d = Math.abs(ta[k] - sa[k]);
                absError += d;
                same &= d <= allowed(act, k);
            }
            if (same) {
                agreeing++;
            }
        }
        double teacherNanos = medianNanos(t, states, timingCalls);
        double studentNanos = medianNanos(s, states, timingCalls);
        double teacherReturn = Rollouts.meanReturn(env, teacher, episodes, seed, maxSteps);
        double studentReturn = Rollouts.meanReturn(env, student, episodes, seed, maxSteps);
        return new DistillationReport(teacher.parameterCount(), student.parameterCount(), teacherNanos, studentNanos, timingCalls,
                states.length, (double) agreeing / states.length, absError / ((double) states.length * width), episodes, teacherReturn,
                studentReturn);
    }

    /** The largest encoded difference that still counts as the same action in coordinate {@code k}. */
    private static double allowed(Space<?> actions, int k) {
        if (actions instanceof Box b) {
            double w = b.high(k) - b.low(k);
            return Double.isFinite(w) ? TOLERANCE * w : TOLERANCE;
        }
        if (actions instanceof Simplex) {
            return TOLERANCE;
        }
        return 0; // discrete codes must be equal
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double medianNanos(Policy policy, Object[] states, int calls) {
        long[] times = new long[calls];
        Object sink = null;
        for (int i = 0; i < calls; i++) {
            sink = policy.act(states[i % states.length]); // warm-up: let the JIT compile the acting path
        }
        for (int i = 0; i < calls; i++) {
            Object o = states[i % states.length];
            long start = System.nanoTime();
            sink = policy.act(o);
            times[i] = System.nanoTime() - start;
        }
        Objects.requireNonNull(sink); // keeps the results observable, so the calls cannot be optimised away
        Arrays.sort(times);
        return calls % 2 == 1 ? times[calls / 2] : (times[calls / 2 - 1] + times[calls / 2]) / 2.0;
    }

    /** @return the report as unit data (every field, by its record name) */
    public UnitData toData() {
        return new UnitData().put("teacherParameters", teacherParameters).put("studentParameters", studentParameters)
                .put("teacherNanosPerAction", teacherNanosPerAction).put("studentNanosPerAction", studentNanosPerAction)
                .put("timingCalls", (long) timingCalls).put("heldOutStates", (long) heldOutStates).put("agreement", agreement)
                .put("meanAbsoluteError", meanAbsoluteError).put("episodes", (long) episodes).put("teacherReturn", teacherReturn)
                .put("studentReturn", studentReturn);
    }

    /** @return the report {@link #toData()} wrote */
    public static DistillationReport of(UnitData d) {
        return new DistillationReport(d.getLong("teacherParameters"), d.getLong("studentParameters"), d.getDouble("teacherNanosPerAction"),
                d.getDouble("studentNanosPerAction"), (int) d.getLong("timingCalls"), (int) d.getLong("heldOutStates"),
                d.getDouble("agreement"), d.getDouble("meanAbsoluteError"), (int) d.getLong("episodes"), d.getDouble("teacherReturn"),
                d.getDouble("studentReturn"));
    }

    /** @return the report as one JSON object (non-finite numbers as {@code null}) */
    public String toJson() {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "teacher_parameters", teacherParameters);
        field(b, "student_parameters", studentParameters);
        field(b, "compression_ratio", compressionRatio());
        field(b, "teacher_ns_per_action", teacherNanosPerAction);
        field(b, "student_ns_per_action", studentNanosPerAction);
        field(b, "speed_up", speedUp());
        field(b, "timing_calls", timingCalls);
        field(b, "held_out_states", heldOutStates);
        field(b, "agreement", agreement);
        field(b, "mean_absolute_error", meanAbsoluteError);
        field(b, "episodes", episodes);
        field(b, "teacher_return", teacherReturn);
        field(b, "student_return", studentReturn);
        b.append("  \"return_kept\": ").append(number(returnKept())).append("\n}\n");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, double value) {
        b.append("  \"").append(name).append("\": ").append(number(value)).append(",\n");
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Writes {@link #toJson()} atomically (a temporary file beside {@code file}, then a move). */
    public void writeJson(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }
}
