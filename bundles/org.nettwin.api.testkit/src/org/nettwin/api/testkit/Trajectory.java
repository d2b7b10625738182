package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one run of an environment produced, in comparable form: per reset or step, the encoded
 * observation and the reward, flags and info of every agent (one agent for single-agent
 * environments). Used to check that the same seed and actions reproduce a run bit for bit.
 */
final class Trajectory {

    /**
     * One reset or step.
     *
     * @param label        {@code reset(42)}, {@code step 3}, ... for messages
     * @param observations per agent, the observation's {@code Space.encode} form ({@code null} if it could not be encoded)
     * @param rewards      per agent
     * @param terminated   per agent
     * @param truncated    per agent
     * @param info         a copy of the info values ({@code null} if the environment gave none)
     */
    record Event(String label, double[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated, double[] info) {
    }

    final List<Event> events = new ArrayList<>();
    /** Why the run stopped early, or {@code null} if it ran to the end. */
    String failure;

    /**
     * @param agents agent names for messages, or {@code null} for a single-agent environment
     * @param aName  how to call where {@code a} comes from, e.g. {@code "in the first run"}
     * @param bName  how to call where {@code b} comes from
     * @return how {@code b} differs from {@code a}, or {@code null} if they are identical bit for bit
     */
    static String difference(Event a, Event b, List<String> agents, String aName, String bName) {
        if (!a.label().equals(b.label())) {
            return a.label() + " " + aName + " where " + b.label() + " " + bName;
        }
        for (int i = 0; i < a.rewards().length; i++) {
            String who = agents == null ? "" : "agent '" + agents.get(i) + "': ";
            double[] oa = a.observations()[i];
            double[] ob = b.observations()[i];
            if (!Arrays.equals(oa, ob)) {
                return who + "observation (encoded) " + Render.value(oa) + " " + aName + ", " + Render.value(ob) + " " + bName;
            }
            if (Double.doubleToLongBits(a.rewards()[i]) != Double.doubleToLongBits(b.rewards()[i])) {
                return who + "reward " + a.rewards()[i] + " " + aName + ", " + b.rewards()[i] + " " + bName;
            }
            if (a.terminated()[i] != b.terminated()[i] || a.truncated()[i] != b.truncated()[i]) {
                return who + "terminated/truncated " + a.terminated()[i] + "/" + a.truncated()[i] + " " + aName + ", "
                        + b.terminated()[i] + "/" + b.truncated()[i] + " " + bName;
            }
        }
        if (!Arrays.equals(a.info(), b.info())) {
            return "info " + Render.value(a.info()) + " " + aName + ", " + Render.value(b.info()) + " " + bName;
        }
        return null;
    }

    /**
     * @return how the second run differs from this one, or {@code null} if they are identical
     */
    String differenceFrom(Trajectory second, List<String> agents) {
        int common = Math.min(events.size(), second.events.size());
        for (int i = 0; i < common; i++) {
            String d = difference(events.get(i), second.events.get(i), agents, "in the first run", "in the second");
            if (d != null) {
                return "first difference at " + events.get(i).label() + ": " + d;
            }
        }
        if (events.size() != second.events.size() || !String.valueOf(failure).equals(String.valueOf(second.failure))) {
            return "the first run " + ending() + ", the second " + second.ending();
        }
        return null;
    }

    private String ending() {
        String last = events.isEmpty() ? "nothing" : events.get(events.size() - 1).label();
        return failure == null ? "ended normally after " + last : "stopped after " + last + " because " + failure;
    }
}
