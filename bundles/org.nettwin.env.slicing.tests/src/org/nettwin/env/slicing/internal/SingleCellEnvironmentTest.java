package org.nettwin.env.slicing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.testkit.EnvironmentConformance.Options;
import org.nettwin.api.testkit.TimeLimitCheck;

/** The single-cell packet-level scenario: contract, radio formulas, bandwidth physics and determinism. */
class SingleCellEnvironmentTest {

    private static final SingleCellProvider PROVIDER = new SingleCellProvider();
    private static final SingleCellConfig DEFAULTS = config(Map.of());

    private static SingleCellConfig config(Map<String, ?> raw) {
        return PROVIDER.configSchema().validate(raw, "").as(SingleCellConfig.class);
    }

    @Test
    void episodesAreTruncatedByTheTimeLimitAt50DecisionsByDefault() {
        // short decision windows keep the 50-decision episodes quick
        TimeLimitCheck.check(PROVIDER, Map.of("subframesPerDecision", 20), 50, 4);
    }

    @Test
    void discreteVariantConforms() {
        try (SingleCellEnvironment<?> env = SingleCellProvider.environment(DEFAULTS, 1)) {
            assertEquals("Discrete(36)", env.actionSpace().describe(), "the 1 MHz splits of 10 MHz with every slice >= 1 MHz");
            assertEquals(java.util.List.of("traffic_mbps_volte", "traffic_mbps_video", "traffic_mbps_urllc", "packets_volte"),
                    env.observationFeatures().subList(0, 4));
            assertEquals("share_urllc", env.observationFeatures().get(14));
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(120));
        }
    }

    @Test
    void simplexVariantConforms() {
        SingleCellConfig simplex = config(Map.of("action", "simplex"));
        try (SingleCellEnvironment<?> env = SingleCellProvider.environment(simplex, 1)) {
            assertEquals("Simplex(3)", env.actionSpace().describe());
            EnvironmentConformance.check(env, Options.DEFAULTS.withSteps(60));
        }
    }

    @Test
    void liEtAlSetting() {
        SingleCellParameters p = SingleCellParameters.of(DEFAULTS);
        assertArrayEquals(new int[] {46, 46, 8}, p.sliceUsers(), "100 UEs at 6:6:1");
        assertEquals(50, p.resourceBlocks(), "10 MHz of 180 kHz RBs, 5 per MHz");
        assertEquals(1.0, p.decisionSeconds(), 1e-12, "2000 subframes of 0.5 ms");
        assertEquals(36, Splits.enumerate(10, 3, 1).length);
        for (int[] split : Splits.enumerate(10, 3, 1)) {
            assertEquals(10, split[0] + split[1] + split[2]);
            assertTrue(split[0] >= 1 && split[1] >= 1 && split[2] >= 1);
        }
    }

    @Test
    void pathLossFormulas() {
        // 3GPP TR 36.814 pico NLOS, 145.4 + 37.5 log10(d/km)
        assertEquals(145.4, Radio.logDistancePathLoss(145.4, 37.5, 1.0), 1e-12);
        assertEquals(145.4 - 37.5, Radio.logDistancePathLoss(145.4, 37.5, 0.1), 1e-9);
        assertEquals(92.98, Radio.logDistancePathLoss(145.4, 37.5, 0.04), 0.005, "at the 40 m cell edge");
        // WINNER+ C2 NLOS at 100 m, 25 m mast, 2.6 GHz
        assertEquals(107.57, Radio.winnerUrbanMacroNlos(100, 25, 2.6), 0.01);
        // every decade of distance adds (44.9 - 6.55 log10 25) dB
        assertEquals(44.9 - 6.55 * Math.log10(25), Radio.winnerUrbanMacroNlos(1000, 25, 2.6) - Radio.winnerUrbanMacroNlos(100, 25, 2.6),
                1e-9);
        assertEquals(-174 + 10 * Math.log10(180e3) + 9, Radio.noiseDbm(180e3, 9), 1e-9);
        assertEquals(-20.0, Radio.sectorAttenuationDb(180, 70, 20), 1e-12);
        assertEquals(-3.0, Radio.sectorAttenuationDb(35, 70, 20), 1e-12, "3 dB at half the beamwidth");
        for (double x = 1e-3; x < 1e6; x *= 1.37) {
            assertEquals(Math.log(x) / Math.log(2), Radio.log2(x), 1e-6 * Math.max(1, Math.abs(Math.log(x))));
        }
    }

    @Test
    void moreBandwidthNeverLowersASlicesThroughput() {
        for (long seed : new long[] {1, 2}) {
            try (SingleCellEnvironment<?> raw = SingleCellProvider.environment(DEFAULTS, seed)) {
                SingleCellEnvironment.Splitting env = (SingleCellEnvironment.Splitting) raw;
                int[][] splits = Splits.enumerate(10, 3, 1);
                for (int slice = 0; slice < 3; slice++) {
                    double previous = -1;
                    for (int mhz = 1; mhz <= 8; mhz++) {
                        int index = splitGiving(splits, slice, mhz);
                        env.reset(seed * 31);
                        Step<double[]> s = env.step(index);
                        double thr = s.info()[3 + slice];
                        assertTrue(thr >= previous, "seed " + seed + ", slice " + slice + ": " + mhz + " MHz delivered " + thr
                                + " Mbit/s, less than " + previous + " with " + (mhz - 1) + " MHz");
                        previous = thr;
                    }
                }
            }
        }
    }

    /** @return the split giving {@code slice} exactly {@code mhz} and the rest as evenly as possible */
    private static int splitGiving(int[][] splits, int slice, int mhz) {
        int best = -1;
        int bestSpread = Integer.MAX_VALUE;
        for (int i = 0; i < splits.length; i++) {
            if (splits[i][slice] != mhz) {
                continue;
            }
            int[] others = new int[2];
            for (int s = 0, j = 0; s < 3; s++) {
                if (s != slice) {
                    others[j++] = splits[i][s];
                }
            }
            int spread = Math.abs(others[0] - others[1]);
            if (spread < bestSpread) {
                bestSpread = spread;
                best = i;
            }
        }
        return best;
    }

    @Test
    void sameSeedGivesTheSameTrajectoryAndSnapshotsRestoreIt() {
        try (SingleCellEnvironment<?> a = SingleCellProvider.environment(DEFAULTS, 3);
                SingleCellEnvironment<?> b = SingleCellProvider.environment(DEFAULTS, 3)) {
            SingleCellEnvironment.Splitting x = (SingleCellEnvironment.Splitting) a;
            SingleCellEnvironment.Splitting y = (SingleCellEnvironment.Splitting) b;
            x.reset(8);
            y.reset(8);
            Object snapshot = null;
            double[][] after = new double[5][];
            for (int t = 0; t < 12; t++) {
                if (t == 7) {
                    snapshot = x.snapshot();
                }
                Step<double[]> sx = x.step(t * 5 % 36);
                Step<double[]> sy = y.step(t * 5 % 36);
                assertArrayEquals(sx.observation(), sy.observation());
                assertEquals(sx.reward(), sy.reward(), 0.0);
                assertArrayEquals(sx.info(), sy.info());
                if (t >= 7) {
                    after[t - 7] = concat(sx);
                }
            }
            y.restore(snapshot);
            for (int t = 7; t < 12; t++) {
                assertArrayEquals(after[t - 7], concat(y.step(t * 5 % 36)), "decision " + t + " after restore");
            }
        }
    }

    private static double[] concat(Step<double[]> s) {
        double[] out = Arrays.copyOf(s.observation(), s.observation().length + 1 + s.info().length);
        out[s.observation().length] = s.reward();
        System.arraycopy(s.info(), 0, out, s.observation().length + 1, s.info().length);
        return out;
    }

    @Test
    void baselinesActInBothVariants() {
        SingleCellConfig simplex = config(Map.of("action", "simplex"));
        for (SingleCellConfig c : new SingleCellConfig[] {DEFAULTS, simplex}) {
            try (SingleCellEnvironment<?> env = SingleCellProvider.environment(c, 1)) {
                EnvironmentSpec spec = EnvironmentSpec.of(env);
                assertTrue(new TrafficAwareProvider().incompatibility(spec, new TrafficAwareProvider().configSchema().defaults()).isEmpty());
                RulePolicy aware = new RulePolicy(SlicingRule.TRAFFIC_AWARE, env.observationSpace(), env.actionSpace());
                RulePolicy equal = new RulePolicy(SlicingRule.EQUAL_SPLIT, env.observationSpace(), env.actionSpace());
                Step<double[]> s = env.reset(2);
                @SuppressWarnings({"unchecked", "rawtypes"})
                org.nettwin.api.space.Space<Object> actions = (org.nettwin.api.space.Space) env.actionSpace();
                assertTrue(actions.contains(aware.act(s.observation())));
                Object even = equal.act(s.observation());
                assertTrue(actions.contains(even));
                if (even instanceof Integer i) {
                    int[] split = ((SingleCellEnvironment.Splitting) env).split(i);
                    assertEquals(3, Math.min(split[0], Math.min(split[1], split[2])), "the equal split of 10 MHz: 3/3/4 in some order");
                }
            }
        }
    }

    @Test
    void invalidConfigurationNamesTheFieldAndRange() {
        var schema = PROVIDER.configSchema();
        var e = assertThrows(ConfigException.class, () -> schema.validate(Map.of("bandwidthMHz", 2, "subframeMs", -1), "scenario.config"));
        assertTrue(e.getMessage().contains("scenario.config.bandwidthMHz") && e.getMessage().contains("[3, 100]"), e.getMessage());
        assertTrue(e.getMessage().contains("scenario.config.subframeMs"), e.getMessage());
        var radius = assertThrows(ConfigException.class,
                () -> schema.validate(Map.of("cellRadiusM", 8, "minDistanceM", 9), ""));
        assertTrue(radius.getMessage().contains("minDistanceM"), radius.getMessage());
        var mix = assertThrows(ConfigException.class,
                () -> schema.validate(Map.of("sliceMix", java.util.List.of(1, 1)), ""));
        assertTrue(mix.getMessage().contains("sliceMix"), mix.getMessage());
    }
}
