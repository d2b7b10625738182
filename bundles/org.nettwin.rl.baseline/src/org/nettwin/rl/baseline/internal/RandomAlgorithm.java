package org.nettwin.rl.baseline.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.FixedPolicyAlgorithm;
import org.nettwin.api.space.Space;

/**
 * "Learning" with a uniformly random policy per agent: it interacts for the budget and reports
 * episodes like any learner, which gives the baseline curve and a smoke test of a scenario. Its
 * resumable state adds each policy's random stream to the counters.
 */
final class RandomAlgorithm extends FixedPolicyAlgorithm {

    private final List<RandomPolicy<Object, Object>> policies;

    private RandomAlgorithm(List<RandomPolicy<Object, Object>> policies, long seed) {
        super(policies, seed);
        this.policies = policies;
    }

    RandomAlgorithm(EnvironmentSpec spec, long seed) {
        this(policies(spec, seed), seed);
    }

    @SuppressWarnings("unchecked")
    private static List<RandomPolicy<Object, Object>> policies(EnvironmentSpec spec, long seed) {
        List<RandomPolicy<Object, Object>> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RandomPolicy<>((Space<Object>) spec.observationSpaces().get(i), (Space<Object>) spec.actionSpaces().get(i),
                    Seeds.derive(seed, i)));
        }
        return List.copyOf(policies);
    }

    /** Per policy, {@code long} the state of its random stream. */
    @Override
    protected void writeOwnState(DataOutputStream out) throws IOException {
        for (RandomPolicy<Object, Object> p : policies) {
            out.writeLong(p.random.state());
        }
    }

    @Override
    protected Runnable readOwnState(DataInputStream in) throws IOException {
        long[] states = new long[policies.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = in.readLong();
        }
        return () -> {
            for (int i = 0; i < states.length; i++) {
                policies.get(i).random.setState(states[i]);
            }
        };
    }
}
