package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.NoConfig;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.EpisodeMonitor;
import org.nettwin.api.env.NormalizeObservation;
import org.nettwin.api.env.RewardScale;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.env.TimeLimit;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.NormalizedPolicy;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/** The Gymnasium-style wrappers: time limit, reward scale, episode monitor, observation normalisation. */
class WrappersTest {

    /** Position on a line moved by the action (0: −1, 1: +1), reward = position, terminates at 5; snapshottable. */
    static final class Line extends BaseEnvironment<double[], Integer> implements Snapshottable {
        private final double[] position = new double[1];

        Line() {
            super("test/Line-v1", new Box(1, -1e6, 1e6), new Discrete(2), List.of(), List.of("position"));
        }

        @Override
        protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
            position[0] = random.nextInt(3);
            out.set(position, 0, false, false);
        }

        @Override
        protected void advance(Integer action, Step<double[]> out) {
            position[0] += action == 1 ? 1 : -1;
            out.set(position, position[0], position[0] >= 5, false);
        }

        @Override
        public Object snapshot() {
            return new double[] {position[0], randomState()};
        }

        @Override
        public void restore(Object snapshot) {
            double[] s = (double[]) snapshot;
            position[0] = s[0];
            restored((long) s[1], false);
        }
    }

    @Test
    void timeLimitTruncatesAfterItsStepsUnlessTheEpisodeTerminatedAndSnapshotsKeepTheCount() {
        TimeLimit<double[], Integer> env = new TimeLimit<>(new Line(), 3);
        env.reset(1);
        assertFalse(env.step(0).done());
        assertFalse(env.step(0).done());
        Snapshottable snapshots = env.capability(Snapshottable.class).orElseThrow();
        Object twoSteps = snapshots.snapshot();
        Step<double[]> third = env.step(0);
        assertTrue(third.truncated() && !third.terminated(), "cut after 3 steps");
        snapshots.restore(twoSteps);
        assertTrue(env.step(1).truncated(), "the restored episode is at step 2 again");
        env.reset();
        for (int i = 0; i < 2; i++) {
            env.step(1);
        }
        assertEquals(List.of("position"), env.observationFeatures(), "feature names pass through");
        assertThrows(IllegalArgumentException.class, () -> new TimeLimit<>(new Line(), 0));
    }

    @Test
    void rewardScaleScalesWhatTheLearnerSeesAndTheMonitorInsideReportsTheScenariosUnits() {
        List<EpisodeEvent> episodes = new ArrayList<>();
        EpisodeMonitor<double[], Integer> monitor = new EpisodeMonitor<>(new Line(), new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent event) {
                episodes.add(event);
            }
        });
        RewardScale<double[], Integer> scaled = new RewardScale<>(monitor, 0.1);
        Step<double[]> s = scaled.reset(4);
        double start = s.observation()[0];
        double seen = 0;
        int steps = 0;
        while (!s.done()) {
            s = scaled.step(1);
            seen += s.reward();
            steps++;
        }
        double raw = 0;
        for (double p = start + 1; p <= 5; p++) {
            raw += p;
        }
        assertEquals(raw * 0.1, seen, 1e-12, "the learner sees scaled rewards");
        assertEquals(1, episodes.size());
        assertEquals(raw, episodes.get(0).episodeReturn(), 1e-12, "the monitor reports the scenario's units");
        assertEquals(steps, episodes.get(0).length());
        assertEquals(steps, episodes.get(0).step());
    }

    /** Acts 1 when the (normalised) position is above 0. */
    static final class Threshold extends BasePolicy<double[], Integer> {
        Threshold(Box observations) {
            super(observations, new Discrete(2));
        }

        @Override
        public Integer act(double[] o) {
            return o[0] > 0 ? 1 : 0;
        }

        @Override
        public long parameterCount() {
            return 0;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            PolicyHeader.write(new DataOutputStream(out), BinaryFormats.RANDOM_POLICY, observationSpace(), actionSpace());
        }
    }

    @Test
    void normalisedObservationsAndThePolicySavedWithItsStatisticsActTheSameAfterLoading() throws IOException {
        NormalizeObservation<Integer> env = new NormalizeObservation<>(new Line(), 10);
        env.reset(2);
        int resets = 1;
        for (int i = 0; i < 50; i++) {
            Step<double[]> s = env.step(i % 3 == 0 ? 0 : 1);
            assertTrue(Math.abs(s.observation()[0]) <= 10, "clipped");
            if (s.done()) {
                env.reset();
                resets++;
            }
        }
        assertEquals(50 + resets, env.statistics().count(), "every reset and step observation updates the statistics");
        env.freeze();
        env.step(1);
        assertEquals(50 + resets, env.statistics().count(), "frozen statistics stay");
        Box raw = (Box) env.inner().observationSpace();
        NormalizedPolicy<Integer> policy = new NormalizedPolicy<>(raw, new Threshold((Box) env.observationSpace()),
                env.statistics().copy());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        policy.save(bytes);
        BaseAlgorithmProvider<NoConfig> loader = new BaseAlgorithmProvider<>(new PluginDescriptor("test/threshold", "t", "t"), NoConfig.class) {
            @Override
            protected Optional<String> refusal(EnvironmentSpec spec, NoConfig config) {
                return Optional.empty();
            }

            @Override
            protected Algorithm build(EnvironmentSpec spec, NoConfig config, long seed) {
                throw new UnsupportedOperationException("loads only");
            }

            @Override
            public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
                PolicyHeader.read(new java.io.DataInputStream(in), BinaryFormats.RANDOM_POLICY).check(spec.observationSpace(), spec.actionSpace());
                return new Threshold((Box) spec.observationSpace());
            }
        };
        EnvironmentSpec rawSpec = new EnvironmentSpec(List.of("agent"), List.of(raw), List.of(new Discrete(2)), false);
        @SuppressWarnings("unchecked")
        Policy<double[], Integer> loaded = (Policy<double[], Integer>) NormalizedPolicy.load(rawSpec, new ByteArrayInputStream(bytes.toByteArray()),
                loader);
        for (double x = -3; x <= 8; x += 0.25) {
            double[] o = {x};
            assertEquals(policy.act(o), loaded.act(o), "same action at " + x);
        }
        assertTrue(policy.act(new double[] {100}) == 1 && policy.act(new double[] {-100}) == 0, "reads raw observations");
        Config none = loader.configSchema().defaults();
        assertTrue(loader.incompatibility(rawSpec, none).isEmpty());
    }
}
