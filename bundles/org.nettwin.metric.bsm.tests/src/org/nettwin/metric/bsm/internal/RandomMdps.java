package org.nettwin.metric.bsm.internal;

import java.util.Random;

import org.nettwin.api.env.MdpTables;

/** Random sparse MDPs and perturbed copies of them, for tests. */
final class RandomMdps {

    private RandomMdps() {
    }

    /** @return {@code states} x {@code actions} tables with {@code successors} random successors per pair, rewards in [0, 1] */
    static MdpTables random(Random random, int states, int actions, int successors) {
        MdpTables.Builder b = MdpTables.builder(states, actions);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < actions; a++) {
                double[] p = TransportTest.simplex(random, successors);
                for (int i = 0; i < successors; i++) {
                    b.transition(s, a, random.nextInt(states), p[i]);
                }
                b.reward(s, a, random.nextDouble());
            }
            b.initial(s, 1.0 / states);
        }
        return b.build();
    }

    /** @return {@code m} with every probability scaled by a random factor in [1 − x, 1 + x] (renormalised) and rewards shifted by up to x/2 */
    static MdpTables perturb(Random random, MdpTables m, double x) {
        MdpTables.Builder b = MdpTables.builder(m.stateCount(), m.actionCount());
        for (int s = 0; s < m.stateCount(); s++) {
            for (int a = 0; a < m.actionCount(); a++) {
                int n = m.successorCount(s, a);
                double[] p = new double[n];
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    p[i] = m.successorProbability(s, a, i) * (1 + x * (2 * random.nextDouble() - 1));
                    sum += p[i];
                }
                for (int i = 0; i < n; i++) {
                    b.transition(s, a, m.successor(s, a, i), p[i] / sum);
                }
                b.reward(s, a, m.reward(s, a) + x / 2 * (2 * random.nextDouble() - 1));
            }
            b.initial(s, m.initialProbability(s));
        }
        return b.build();
    }
}
