package org.nettwin.api.testkit.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.RandomActionsAlgorithm;
import org.nettwin.api.testkit.RandomWalkEnvironment;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;

/** Plugins with one deliberate flaw each, which the conformance kits must find. */
final class FlawedPlugins {

    private FlawedPlugins() {
    }

    enum AlgorithmFlaw { NONE, SAVES_THE_CLOCK, LOAD_FORGETS_STATE, ACTS_OUTSIDE, UNDOCUMENTED_PARAMETER, IGNORES_CANCELLATION, REFUSES_ALL }

    /** The test kit's random-actions algorithm with one flaw. */
    static final class FlawedAlgorithm implements AlgorithmProvider {
        private final RandomActionsAlgorithm inner = new RandomActionsAlgorithm();
        private final AlgorithmFlaw flaw;

        FlawedAlgorithm(AlgorithmFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("flawed/" + flaw.name().toLowerCase().replace('_', '-'), "flawed", "an algorithm with one flaw");
        }

        @Override
        public ConfigSchema configSchema() {
            return flaw == AlgorithmFlaw.UNDOCUMENTED_PARAMETER ? ConfigSchema.builder().intParam("units", 4, 1, 64, "").build()
                    : ConfigSchema.EMPTY;
        }

        @Override
        public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
            return flaw == AlgorithmFlaw.REFUSES_ALL ? Optional.of("refuses everything") : Optional.empty();
        }

        @Override
        public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
            Algorithm a = inner.create(spec, ConfigSchema.EMPTY.defaults(), seed);
            return new Algorithm() {
                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                public long learn(Scenario scenario, long steps, TrainingListener listener) {
                    if (flaw != AlgorithmFlaw.IGNORES_CANCELLATION) {
                        return a.learn(scenario, steps, listener);
                    }
                    var env = (org.nettwin.api.env.Environment) ((Scenario.Single) scenario).environment();
                    var s = env.reset(seed);
                    for (long t = 0; t < steps; t++) {
                        s = s.done() ? env.reset() : env.step(env.actionSpace().sample(new java.util.Random(t)));
                    }
                    return steps;
                }

                @Override
                public Policy<?, ?> policy(int agent) {
                    return wrap(a.policy(agent));
                }
            };
        }

        @Override
        public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
            Policy<?, ?> p = inner.loadPolicy(spec, in);
            return flaw == AlgorithmFlaw.LOAD_FORGETS_STATE ? inner.create(spec, ConfigSchema.EMPTY.defaults(), 0).policy() : p;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private Policy<?, ?> wrap(Policy p) {
            return new Policy() {
                @Override
                public Space observationSpace() {
                    return p.observationSpace();
                }

                @Override
                public Space actionSpace() {
                    return p.actionSpace();
                }

                @Override
                public Object act(Object observation) {
                    Object a = p.act(observation);
                    return flaw == AlgorithmFlaw.ACTS_OUTSIDE ? Integer.valueOf(7) : a;
                }

                @Override
                public long parameterCount() {
                    return 0;
                }

                @Override
                public void save(OutputStream out) throws IOException {
                    p.save(out);
                    if (flaw == AlgorithmFlaw.SAVES_THE_CLOCK) {
                        new java.io.DataOutputStream(out).writeLong(System.nanoTime());
                    }
                }
            };
        }
    }

    enum MetricFlaw { NONE, NOT_ZERO_ON_ITSELF, UNSEEDED }

    /** A metric of MDP tables: the largest difference of expected rewards, with one flaw. */
    static final class Metric implements SimilarityMetric<MdpTables> {
        private final MetricFlaw flaw;

        Metric(MetricFlaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("metric/flawed", "flawed", "the largest difference of expected rewards");
        }

        @Override
        public Class<MdpTables> subjectType() {
            return MdpTables.class;
        }

        @Override
        public Similarity measure(MdpTables a, MdpTables b, Config config, long seed) {
            double d = 0;
            for (int s = 0; s < a.stateCount(); s++) {
                for (int x = 0; x < a.actionCount(); x++) {
                    d = Math.max(d, Math.abs(a.reward(s, x) - b.reward(s, x)));
                }
            }
            d += switch (flaw) {
                case NONE -> 0;
                case NOT_ZERO_ON_ITSELF -> 0.5;
                case UNSEEDED -> Math.random() * 1e-3;
            };
            return new Similarity(d, Map.of("iterations", 1.0));
        }
    }

    /** A twin that replays nothing: the random walk itself, optionally ignoring the seed it was built with. */
    static final class Twins implements TwinBuilder {
        private final boolean unseeded;

        Twins(boolean unseeded) {
            this.unseeded = unseeded;
        }

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("twin/flawed", "flawed", "a copy of the random walk with a slip drawn at build time");
        }

        @Override
        public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
            return Optional.empty();
        }

        @Override
        public DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, Config config, long seed, TrainingListener listener) {
            double slip = unseeded ? Math.random() : new java.util.SplittableRandom(seed).nextDouble();
            return new WalkTwin(new RandomWalkEnvironment(10, slip, 100));
        }
    }

    /** The random walk, as a twin. */
    static final class WalkTwin implements DigitalTwin<double[], Integer> {
        private final RandomWalkEnvironment walk;

        WalkTwin(RandomWalkEnvironment walk) {
            this.walk = walk;
        }

        @Override
        public Space<double[]> observationSpace() {
            return walk.observationSpace();
        }

        @Override
        public Space<Integer> actionSpace() {
            return walk.actionSpace();
        }

        @Override
        public List<String> infoNames() {
            return walk.infoNames();
        }

        @Override
        public org.nettwin.api.env.Step<double[]> reset(long seed) {
            return walk.reset(seed);
        }

        @Override
        public org.nettwin.api.env.Step<double[]> reset() {
            return walk.reset();
        }

        @Override
        public org.nettwin.api.env.Step<double[]> step(Integer action) {
            return walk.step(action);
        }

        @Override
        public void calibrate(TransitionDataset fresh, TrainingListener listener) {
        }

        @Override
        public TwinAccuracy evaluate(TransitionDataset heldOut, int horizon) {
            return new TwinAccuracy(List.of("obs_0"), new double[] {0.1}, new double[horizon], 0.2, heldOut.size());
        }
    }
}
