package org.nettwin.env.slicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.api.testkit.RecordingListener;

/** The baseline services: ids, running as algorithms, and their policy files. */
class BaselineProvidersTest {

    @Test
    void idsAndSchemas() {
        assertEquals("baseline/traffic-aware", new TrafficAwareProvider().descriptor().id());
        assertEquals("baseline/equal-split", new EqualSplitProvider().descriptor().id());
        for (RuleBaselineProvider rule : new RuleBaselineProvider[] {new TrafficAwareProvider(), new EqualSplitProvider()}) {
            assertTrue(rule.configSchema().parameters().isEmpty(), "the rules have no parameters");
            assertEquals(org.nettwin.api.config.NoConfig.class, rule.configSchema().recordType());
        }
        assertEquals("slicing/MultiCell-v1", new MultiCellProvider().descriptor().id());
        assertEquals("slicing/SingleCell-v1", new SingleCellProvider().descriptor().id());
        assertTrue(new MultiCellProvider().descriptor().isVersioned());
    }

    @Test
    void runsForItsBudgetAndReportsEpisodes() {
        MultiCellProvider scenarios = new MultiCellProvider();
        try (Scenario scenario = scenarios.create(scenarios.configSchema().validate(java.util.Map.of("timeLimit", 50), ""), 1)) {
            TrafficAwareProvider provider = new TrafficAwareProvider();
            Algorithm algorithm = provider.create(EnvironmentSpec.of(scenario), ConfigSchema.EMPTY.defaults(), 7);
            RecordingListener listener = new RecordingListener();
            assertEquals(200, algorithm.learn(scenario, 200, listener));
            assertEquals(4, listener.episodes().size());
            for (double r : listener.returns()) {
                assertTrue(r > 0 && r <= 50, "an episode return is a sum of 50 rewards in [0, 1]: " + r);
            }
            assertEquals(0, algorithm.policy(3).parameterCount());
        }
    }

    @Test
    void policiesRoundTripThroughTheirFiles() throws IOException {
        try (MultiCellEnvironment env = MultiCellProvider.environment(MultiCellEnvironmentTest.config(java.util.Map.of()), 1)) {
            EnvironmentSpec spec = EnvironmentSpec.of(env);
            TrafficAwareProvider provider = new TrafficAwareProvider();
            Policy<?, ?> policy = provider.create(spec, ConfigSchema.EMPTY.defaults(), 1).policy(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            policy.save(out);
            assertEquals(new Identification.Known(BinaryFormats.SLICING_RULE_POLICY), BinaryFormats.identify(out.toByteArray()));
            RulePolicy loaded = (RulePolicy) provider.loadPolicy(spec, new ByteArrayInputStream(out.toByteArray()));
            double[] observation = env.reset(3).observation(0);
            assertArrayEquals((double[]) ((RulePolicy) policy).act(observation), (double[]) loaded.act(observation), 0.0);
            assertThrows(IOException.class, () -> new EqualSplitProvider().loadPolicy(spec, new ByteArrayInputStream(out.toByteArray())),
                    "a traffic-aware policy file is not an equal-split one");
            assertEquals("not a NetTwin file (bad magic 01 02 03 04): expected a " + BinaryFormats.SLICING_RULE_POLICY.name(),
                    assertThrows(IOException.class, () -> provider.loadPolicy(spec, new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                            .getMessage());
        }
    }

    @Test
    void aFileOfAnotherKindIsRefusedByName() {
        try (MultiCellEnvironment env = MultiCellProvider.environment(MultiCellEnvironmentTest.config(java.util.Map.of()), 1)) {
            EnvironmentSpec spec = EnvironmentSpec.of(env);
            for (RuleBaselineProvider provider : new RuleBaselineProvider[] {new TrafficAwareProvider(), new EqualSplitProvider()}) {
                FormatRefusal.check(BinaryFormats.SLICING_RULE_POLICY, in -> provider.loadPolicy(spec, in));
                assertTrue(BinaryFormats.SLICING_RULE_POLICY.name().contains(provider.descriptor().id()), "messages name the services");
            }
        }
    }

    @Test
    void trafficAwareSharesFollowTheDemandBlock() {
        double[] observation = new double[20];
        observation[0] = 6;
        observation[1] = 3;
        observation[2] = 1;
        observation[3] = 0;
        double[] shares = new double[4];
        SlicingRule.TRAFFIC_AWARE.shares(observation, shares);
        assertArrayEquals(new double[] {0.6, 0.3, 0.1, 0.0}, shares, 1e-12);
        SlicingRule.TRAFFIC_AWARE.shares(new double[20], shares);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, shares, 1e-12, "no demand anywhere: equal shares");
        SlicingRule.EQUAL_SPLIT.shares(observation, shares);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, shares, 1e-12);
    }
}
