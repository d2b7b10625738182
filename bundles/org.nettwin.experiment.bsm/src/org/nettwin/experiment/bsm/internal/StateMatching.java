package org.nettwin.experiment.bsm.internal;

import java.util.Arrays;

import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;

/**
 * Real and twin states matched through observations: a real scenario and a twin may number their
 * states differently (admission/Control-v1 numbers its reachable states compactly, twin/tabular
 * every cell of the observation grid), but a real state and a twin state that show the same
 * observation are the same network state. Every observation of the (discrete) observation space is
 * enumerated; those the real scenario accepts as states are asked of the twin.
 */
final class StateMatching {

    private StateMatching() {
    }

    /**
     * @return the environment's exact tables and state indices (through wrappers such as the
     *         scenario's time limit)
     * @throws IllegalArgumentException if it has none
     */
    @SuppressWarnings("unchecked")
    static FiniteMdp<Object> finite(org.nettwin.api.env.Environment<?, ?> env) {
        return env.capability(FiniteMdp.class).orElseThrow(() -> new IllegalArgumentException(
                "the environment has no exact tables (FiniteMdp): " + env.getClass().getSimpleName()));
    }

    /**
     * @return for each real state the twin state with the same observation
     * @throws IllegalStateException if a real state has no observation or no twin state
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int[] match(Space<?> observations, FiniteMdp real, FiniteMdp twin) {
        int states = real.tables().stateCount();
        int[] twinOf = new int[states];
        Arrays.fill(twinOf, -1);
        TableIndex index = TableIndex.of(observations, 1, 50_000_000);
        for (int i = 0; i < index.size(); i++) {
            Object observation = index.value(i);
            int s;
            try {
                s = real.stateIndex(observation);
            } catch (IllegalArgumentException notAState) {
                continue; // a cell of the observation grid that is no state of the real scenario
            }
            twinOf[s] = twin.stateIndex(observation);
        }
        for (int s = 0; s < states; s++) {
            if (twinOf[s] < 0) {
                throw new IllegalStateException("real state " + s + " shows no observation of " + observations.describe()
                        + " that the twin knows; states cannot be matched");
            }
        }
        return twinOf;
    }

    /**
     * @return the twin's tables renumbered so that the twin state of real state {@code s} is
     *         {@code s} (the metric services' convention), the twin's other states after them in
     *         their own order
     */
    static MdpTables align(MdpTables twin, int[] twinOf) {
        int n = twin.stateCount();
        int[] to = new int[n];
        Arrays.fill(to, -1);
        for (int s = 0; s < twinOf.length; s++) {
            if (to[twinOf[s]] >= 0) {
                throw new IllegalStateException("real states " + to[twinOf[s]] + " and " + s + " show the same twin state " + twinOf[s]);
            }
            to[twinOf[s]] = s;
        }
        int next = twinOf.length;
        for (int t = 0; t < n; t++) {
            if (to[t] < 0) {
                to[t] = next++;
            }
        }
        MdpTables.Builder b = MdpTables.builder(n, twin.actionCount());
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < twin.actionCount(); a++) {
                for (int i = 0; i < twin.successorCount(t, a); i++) {
                    b.transition(to[t], a, to[twin.successor(t, a, i)], twin.successorProbability(t, a, i));
                }
                b.reward(to[t], a, twin.reward(t, a));
            }
            b.initial(to[t], twin.initialProbability(t));
        }
        return b.build();
    }
}
