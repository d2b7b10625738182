package org.nettwin.twin.tabular.internal;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Discrete;

/**
 * A known finite MDP with discrete observations, for checking the counted twin against the
 * truth: states 0..n-1, actions left/right that slip the other way with probability
 * {@code slip}, reward -0.1 per step and +1 on entering the terminal state n-1 (0 is a wall),
 * starts uniform on 1..n-2, truncation after 50 steps.
 */
final class SlipperyChain extends BaseEnvironment<Integer, Integer> implements FiniteMdp<Integer> {

    final int n;
    final double slip;
    private int state;
    private int t;

    SlipperyChain(int n, double slip) {
        super("test/SlipperyChain", new Discrete(n), new Discrete(2), List.of());
        this.n = n;
        this.slip = slip;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<Integer> out) {
        state = 1 + random.nextInt(n - 2);
        t = 0;
        out.set(state, 0, false, false);
    }

    private int move(int s, int direction) {
        return Math.max(0, Math.min(n - 1, s + direction));
    }

    @Override
    protected void advance(Integer action, Step<Integer> out) {
        int direction = action == 1 ? 1 : -1;
        if (random().nextDouble() < slip) {
            direction = -direction;
        }
        state = move(state, direction);
        t++;
        boolean end = state == n - 1;
        out.set(state, end ? 1.0 : -0.1, end, !end && t >= 50);
    }

    @Override
    public MdpTables tables() {
        MdpTables.Builder b = MdpTables.builder(n, 2);
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 2; a++) {
                if (s == n - 1) {
                    b.transition(s, a, s, 1.0).reward(s, a, 0.0);
                    continue;
                }
                int intended = move(s, a == 1 ? 1 : -1);
                int slipped = move(s, a == 1 ? -1 : 1);
                b.transition(s, a, intended, 1 - slip).transition(s, a, slipped, slip);
                double r = (1 - slip) * (intended == n - 1 ? 1.0 : -0.1) + slip * (slipped == n - 1 ? 1.0 : -0.1);
                b.reward(s, a, r);
            }
            b.initial(s, s >= 1 && s <= n - 2 ? 1.0 / (n - 2) : 0.0);
        }
        return b.build();
    }

    @Override
    public int stateIndex(Integer observation) {
        return observation;
    }

    @Override
    public int actionIndex(Object action) {
        return (Integer) action;
    }
}
