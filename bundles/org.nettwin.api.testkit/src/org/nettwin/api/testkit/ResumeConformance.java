package org.nettwin.api.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.Resumable;
import org.nettwin.api.scenario.Scenario;

/**
 * Checks an algorithm's {@link Resumable} promise the way a killed run uses it: an algorithm that
 * learns {@code first} then {@code second} steps in two {@code learn} calls (as the train kind
 * learns in chunks) is compared with one that learns {@code first} steps, saves its state, and a new
 * algorithm (same spec, configuration and seed) on a new scenario instance that loads it and learns
 * {@code second} steps. The second halves must report the same episodes and metrics, end with the
 * same saved policies and the same state bytes. Then the state file is checked as a file: it is
 * identified as {@code format}; every cut of it and a flipped bit in every stretch of it are refused
 * with an {@link IOException} that leaves the loading algorithm's state as it was; every other kind
 * of file is refused by name ({@link FormatRefusal}).
 *
 * @since 0.1
 */
public final class ResumeConformance {

    private ResumeConformance() {
    }

    /**
     * @param format    the format the state is written in
     * @param algorithm creates the algorithm, each time with the same spec, configuration and seed
     * @param scenario  creates the scenario instance it learns on, each time with the same seed
     * @param first     steps learned before the state is saved
     * @param second    steps learned after
     * @throws AssertionError naming the first difference or the file that was not refused as it should
     */
    public static void check(BinaryFormat format, Supplier<Algorithm> algorithm, Supplier<Scenario> scenario, long first, long second) {
        try {
            run(format, algorithm, scenario, first, second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(BinaryFormat format, Supplier<Algorithm> algorithm, Supplier<Scenario> scenario, long first, long second)
            throws IOException {
        Algorithm reference = algorithm.get();
        RecordingListener referenceSecond = new RecordingListener();
        try (Scenario s = scenario.get()) {
            reference.learn(s, first, new RecordingListener());
            reference.learn(s, second, referenceSecond);
        }

        Algorithm killed = algorithm.get();
        byte[] state;
        try (Scenario s = scenario.get()) {
            killed.learn(s, first, new RecordingListener());
            state = state(killed);
        }
        Algorithm resumed = algorithm.get();
        resumable(resumed).loadState(new ByteArrayInputStream(state));
        RecordingListener resumedSecond = new RecordingListener();
        try (Scenario s = scenario.get()) {
            resumed.learn(s, second, resumedSecond);
        }

        same("the episodes reported after resuming", referenceSecond.episodes(), resumedSecond.episodes());
        same("the metrics reported after resuming", referenceSecond.metrics(), resumedSecond.metrics());
        for (int agent = 0; agent < agents(reference); agent++) {
            if (!Arrays.equals(policy(reference, agent), policy(resumed, agent))) {
                throw new AssertionError("agent " + agent + "'s saved policy differs after resuming");
            }
        }
        if (!Arrays.equals(state(reference), state(resumed))) {
            throw new AssertionError("the state after resuming and learning differs from the uninterrupted algorithm's");
        }
        if (referenceSecond.episodes().isEmpty()) {
            throw new AssertionError("no episode ended after the state was saved: choose more steps, the check proves nothing");
        }

        Identification what = BinaryFormats.identify(state);
        if (!what.equals(new Identification.Known(format))) {
            throw new AssertionError("the state is identified as " + what + ", not as " + format);
        }
        refusesDamage(format, resumed, state);
        FormatRefusal.check(format, in -> resumable(algorithm.get()).loadState(in));
    }

    /** Cuts and flipped bits are refused and leave {@code target}'s state unchanged. */
    private static void refusesDamage(BinaryFormat format, Algorithm target, byte[] state) throws IOException {
        byte[] before = state(target);
        List<String> problems = new ArrayList<>();
        int step = Math.max(1, state.length / 97);
        for (int n = 0; n < state.length; n += step) {
            refused("cut to " + n + " of " + state.length + " bytes", Arrays.copyOf(state, n), target, before, problems);
        }
        refused("cut before its last byte", Arrays.copyOf(state, state.length - 1), target, before, problems);
        for (int at = 8; at < state.length; at += step) {
            byte[] flipped = state.clone();
            flipped[at] ^= 0x10;
            refused("a bit flipped at byte " + at, flipped, target, before, problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("damaged " + format.name() + " files were not refused as they should:\n  " + String.join("\n  ", problems));
        }
    }

    private static void refused(String what, byte[] bytes, Algorithm target, byte[] before, List<String> problems) throws IOException {
        try {
            resumable(target).loadState(new ByteArrayInputStream(bytes));
            problems.add(what + ": accepted");
            return;
        } catch (IOException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                problems.add(what + ": " + e + " has no message");
            }
        } catch (RuntimeException e) {
            problems.add(what + ": " + e + " instead of an IOException");
        }
        if (!Arrays.equals(before, state(target))) {
            problems.add(what + ": the refused file changed the state");
        }
    }

    private static void same(String what, List<?> expected, List<?> actual) {
        if (!expected.equals(actual)) {
            int i = 0;
            while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
                i++;
            }
            throw new AssertionError(what + " differ from the uninterrupted algorithm's at " + i + " of " + expected.size() + ": expected "
                    + (i < expected.size() ? expected.get(i) : "nothing") + ", got " + (i < actual.size() ? actual.get(i) : "nothing"));
        }
    }

    private static Resumable resumable(Algorithm a) {
        return a.capability(Resumable.class).orElseThrow(() -> new AssertionError(a.getClass().getName() + " is not Resumable"));
    }

    private static byte[] state(Algorithm a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resumable(a).saveState(out);
        return out.toByteArray();
    }

    private static int agents(Algorithm a) {
        int n = 0;
        while (true) {
            try {
                a.policy(n);
                n++;
            } catch (IndexOutOfBoundsException e) {
                return n;
            }
        }
    }

    private static byte[] policy(Algorithm a, int agent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.policy(agent).save(out);
        return out.toByteArray();
    }
}
