package org.nettwin.experiment.bsm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.space.TableIndex;
import org.nettwin.api.testkit.OsgiServices;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The dt-bsm kind through the real runner and plugins (admission control, twin/tabular, the three metrics). */
class DtBsmStudyIT {

    @TempDir
    Path dir;

    private Path experiment(String study) throws IOException {
        return Files.writeString(dir.resolve("study.json"), """
                {"name": "dtbsm", "type": "dt-bsm",
                 "scenario": {"id": "admission/Control-v1", "config": {"capacity": 3}},
                 "study": %s,
                 "seeds": [5]}
                """.formatted(study));
    }

    @Test
    @SuppressWarnings("unchecked")
    void boundHoldsForEveryCandidateAndTheRunRepeatsItself() throws Exception {
        ExperimentRunner runner = OsgiServices.await(ExperimentRunner.class);
        Path f = experiment("{\"perturbations\": [0.1, 0.4], \"datasetSizes\": [300, 30000], \"empiricalTransitions\": 20000}");
        runner.run(runner.load(f), new RunOptions(dir.resolve("a"), null));
        runner.run(runner.load(f), new RunOptions(dir.resolve("b"), null));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/metrics.csv")), Files.readAllBytes(dir.resolve("b/metrics.csv")));
        Map<String, Object> summary = new ObjectMapper().readValue(dir.resolve("a/summary.json").toFile(), Map.class);
        assertEquals(true, summary.get("bound_holds"));
        assertEquals(true, summary.get("bound_tv_holds"));
        assertTrue(summary.get("rank_correlation") instanceof Number, "rank correlation reported: " + summary);
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) summary.get("candidates");
        assertEquals(6, candidates.size());
        Map<String, Double> w = new java.util.HashMap<>();
        for (Map<String, Object> c : candidates) {
            double gap = ((Number) c.get("gap")).doubleValue();
            assertTrue(gap >= -1e-9, c.toString());
            assertTrue(gap <= ((Number) c.get("bound")).doubleValue(), c.toString());
            // the total-variation form bounds the Wasserstein form
            assertTrue(((Number) c.get("tv")).doubleValue() >= ((Number) c.get("wasserstein")).doubleValue() - 1e-9, c.toString());
            w.put((String) c.get("name"), ((Number) c.get("wasserstein")).doubleValue());
        }
        // controlled discrepancy: a larger rate error or less data gives a larger DT-BSM
        assertTrue(w.get("arrivals+40%") > w.get("arrivals+10%"), w.toString());
        assertTrue(w.get("completions-40%") > w.get("completions-10%"), w.toString());
        assertTrue(w.get("tabular-300") > w.get("tabular-30000"), w.toString());
        for (String png : new String[] {"gap-vs-dtbsm.png", "worst-case-gap.png"}) {
            assertTrue(Files.size(dir.resolve("a").resolve(png)) > 1000, png);
        }
    }

    @Test
    void aStudyWithoutCandidatesIsRefusedBeforeRunning() throws Exception {
        ExperimentRunner runner = OsgiServices.await(ExperimentRunner.class);
        Path f = experiment("{\"perturbations\": [], \"datasetSizes\": []}");
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(f)));
        assertTrue(e.getMessage().contains("study.perturbations") && e.getMessage().contains("no candidate twin"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("dtbsm")), "nothing written");
    }

    /** admission/Control-v1 numbers 108 states, twin/tabular the 198-cell grid: matched by observation, not by number. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void realAndTabularStatesAreMatchedThroughObservations() throws Exception {
        ScenarioProvider admission = OsgiServices.await(ScenarioProvider.class, "admission/Control-v1");
        TwinBuilder tabular = OsgiServices.await(TwinBuilder.class, "twin/tabular");
        try (Scenario s = admission.create(admission.configSchema().defaults(), 1)) {
            var env = ((Scenario.Single) s).environment();
            DigitalTwin<?, ?> twin = tabular.build(EnvironmentSpec.of(s), DtBsmStudy.randomData(env, 5000, 2), tabular.configSchema().defaults(),
                    3, TrainingListener.NONE);
            FiniteMdp real = StateMatching.finite(env);
            FiniteMdp twinMdp = StateMatching.finite(twin);
            MdpTables realTables = real.tables();
            assertEquals(108, realTables.stateCount());
            assertEquals(198, twinMdp.tables().stateCount());
            int[] twinOf = StateMatching.match(env.observationSpace(), real, twinMdp);
            TableIndex cells = TableIndex.of(env.observationSpace(), 1, 1000);
            for (int i = 0; i < cells.size(); i++) {
                Object o = cells.value(i);
                try {
                    assertEquals(twinMdp.stateIndex(o), twinOf[real.stateIndex(o)]);
                } catch (IllegalArgumentException notAState) {
                    // a grid cell that is no real state
                }
            }
            assertTrue(java.util.Arrays.stream(twinOf).distinct().count() == 108);
            MdpTables aligned = StateMatching.align(twinMdp.tables(), twinOf);
            assertEquals(198, aligned.stateCount());
            for (int st = 0; st < 108; st++) {
                for (int a = 0; a < 2; a++) {
                    assertEquals(twinMdp.tables().reward(twinOf[st], a), aligned.reward(st, a), 0.0);
                }
            }
        }
    }
}
