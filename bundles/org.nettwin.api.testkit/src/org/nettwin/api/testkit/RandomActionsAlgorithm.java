package org.nettwin.api.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.NoConfig;
import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.FixedPolicyAlgorithm;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;

/**
 * A test double of an algorithm plugin, {@value #ID}: every agent acts uniformly at random from
 * its own seeded stream and learns nothing. For tests of experiment kinds and scenarios that need
 * some algorithm without depending on NetTwin's own ({@code rl/random} lives in the runtime, not
 * in the SDK). Its policies save their spaces and their stream's state, so a loaded policy acts
 * as the saved one would have; it passes {@link AlgorithmConformance}.
 *
 * @since 0.1
 */
public final class RandomActionsAlgorithm extends BaseAlgorithmProvider<NoConfig> {

    /** The plugin id. */
    public static final String ID = "testkit/random-actions";

    /** The file format of its policies. */
    public static final BinaryFormat FORMAT = BinaryFormat.declare("TKRA", 1, "testkit/random-actions policy", ".policy");

    /** A provider (no OSGi needed: create it in a test). */
    public RandomActionsAlgorithm() {
        super(new PluginDescriptor(ID, "Random actions (test kit)", "Acts uniformly at random from a seeded stream; learns nothing."),
                NoConfig.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, NoConfig config) {
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, NoConfig config, long seed) {
        List<Policy<?, ?>> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new RandomPolicy<>(spec.observationSpaces().get(i), spec.actionSpaces().get(i),
                    Seeds.derive(seed, "testkit/random-actions/" + i)));
        }
        return new FixedPolicyAlgorithm(policies, seed);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        PolicyHeader header = PolicyHeader.read(d, FORMAT);
        header.check(spec.observationSpace(), spec.actionSpace());
        return new RandomPolicy<>(spec.observationSpace(), spec.actionSpace(), d.readLong());
    }

    /** Samples its actions from its own stream, whatever it observes. */
    private static final class RandomPolicy<O, A> extends BasePolicy<O, A> {

        private final SeededRandom random;

        RandomPolicy(Space<O> observations, Space<A> actions, long seed) {
            super(observations, actions);
            this.random = Seeds.generator(seed);
        }

        @Override
        public A act(O observation) {
            return actionSpace().sample(random);
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            PolicyHeader.write(d, FORMAT, observationSpace(), actionSpace());
            d.writeLong(random.state());
            d.flush();
        }
    }
}
