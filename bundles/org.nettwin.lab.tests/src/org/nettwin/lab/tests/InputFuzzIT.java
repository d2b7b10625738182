package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.DatasetCheck;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.data.TransitionFiles;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.TransitionRecorder;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.Mutations;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;

/**
 * Fuzzing the readers of everything a user hands the lab: thousands of mutated experiment files,
 * datasets and policy files. Each must get a value or its documented, located error — never
 * another exception, a hang or running out of memory.
 */
class InputFuzzIT {

    static final Duration EACH = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    ExperimentRunner runner;
    PluginCatalog catalog;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        catalog = LabServices.catalogWith("train", "collect", "twin-loop", "offline", "distill", "admission/Control-v1",
                "example/ChannelAccess-v1", "slicing/MultiCell-v1", "rl/random", "rl/dqn", "rl/td3", "rl/ppo", "rl/q-learning",
                "twin/tabular", "distill/policy", "baseline/traffic-aware");
    }

    static final List<String> EXPERIMENTS = List.of("""
            {"name": "train", "scenario": {"id": "example/ChannelAccess-v1", "config": {"channels": 3}},
             "algorithm": {"id": "rl/dqn", "config": {"hidden": [16], "learningStarts": 100}},
             "budget": {"steps": 1000, "evalEpisodes": 2}, "seeds": [1, 2]}
            """, """
            {"name": "collect", "type": "collect", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/random"},
             "collect": {"steps": 500, "format": "both", "stochastic": true}, "seeds": [3]}
            """, """
            {"name": "loop", "type": "twin-loop", "scenario": {"id": "admission/Control-v1"},
             "algorithm": {"id": "rl/dqn", "config": {"learningStarts": 200}}, "twin": {"id": "twin/tabular"},
             "loop": {"historySteps": 600, "realSteps": 400, "twinSteps": 1500, "heldOutSteps": 300, "targetFraction": 0.98},
             "budget": {"steps": 1800, "evalEvery": 400, "evalEpisodes": 2},
             "landscape": {"network": "q", "range": 0.5, "points": 5, "gridPoints": 3}, "seeds": [3, 4]}
            """, """
            {"name": "offline", "type": "offline", "scenario": {"id": "slicing/MultiCell-v1", "config": {"controlledCell": 1}},
             "algorithm": {"id": "rl/td3", "config": {"bcAlpha": 0.1}},
             "offline": {"behaviour": "baseline/traffic-aware", "datasetSteps": 100, "updates": 50, "evaluations": 2,
                         "variants": {"bc": {"offlineRegularisation": "bc"}, "naive": {"offlineRegularisation": "none"}}},
             "budget": {"evalEpisodes": 1}, "seeds": [1]}
            """, """
            {"name": "distill", "type": "distill", "scenario": {"id": "admission/Control-v1"}, "algorithm": {"id": "rl/dqn"},
             "distill": {"id": "distill/policy", "config": {"hidden": [8]}, "datasetSteps": 100, "heldOutSteps": 20},
             "budget": {"steps": 300}}
            """);

    @Test
    void mutatedExperimentFilesAreRunnableOrRefusedWithLocatedErrors() throws Exception {
        RandomGenerator random = Seeds.generator(20261206);
        Path file = dir.resolve("fuzzed.json");
        Pattern located = Pattern.compile("^" + Pattern.quote(file.toString()) + ":(\\d+:\\d+:)? .+", Pattern.DOTALL);
        int valid = 0;
        int refused = 0;
        for (int i = 0; i < 1500; i++) {
            String input = Mutations.json(EXPERIMENTS.get(i % EXPERIMENTS.size()), random);
            Files.writeString(file, input, StandardCharsets.UTF_8);
            try {
                boolean ok = assertTimeoutPreemptively(EACH, () -> {
                    try {
                        Experiment e = runner.load(file);
                        runner.validate(e);
                        return true;
                    } catch (ExperimentException x) {
                        for (String p : x.problems()) {
                            assertTrue(located.matcher(p).matches(), "an unlocated problem for input\n" + input + "\n: " + p);
                        }
                        return false;
                    }
                });
                if (ok) {
                    valid++;
                } else {
                    refused++;
                }
            } catch (RuntimeException | Error e) {
                if (e instanceof AssertionError a && a.getMessage() != null && a.getMessage().startsWith("an unlocated problem")) {
                    throw a;
                }
                fail("input " + i + " threw " + e + " instead of a located error:\n" + input, e);
            }
        }
        System.out.println("experiment-file fuzz: " + valid + " still valid, " + refused + " refused with located errors");
        // a fuzzer that broke every input would test only the first check: a share of the inputs must stay valid
        assertTrue(refused > 700 && valid >= 15, "the mutations exercise both sides: " + valid + " valid, " + refused + " refused");
    }

    @Test
    void mutatedDatasetsAreReadOrRefusedNamingTheFile() throws Exception {
        TransitionDataset data;
        try (PluginLease<ScenarioProvider> s = catalog.lease(PluginKind.SCENARIO, "admission/Control-v1", ScenarioProvider.class);
                PluginLease<AlgorithmProvider> a = catalog.lease(PluginKind.ALGORITHM, "rl/random", AlgorithmProvider.class);
                Scenario scenario = s.service().create(s.service().configSchema().defaults(), 1)) {
            EnvironmentSpec spec = EnvironmentSpec.of(scenario);
            data = TransitionRecorder.record(scenario, List.of(a.service().create(spec, a.service().configSchema().defaults(), 1).policy()),
                    300, true, Seeds.generator(2), 3, Map.of("scenario", "admission/Control-v1"), TrainingListener.NONE).get(0);
            ByteArrayOutputStream binary = new ByteArrayOutputStream();
            TransitionBinary.write(data, binary);
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
                TransitionCsv.write(data, w);
            }
            RandomGenerator random = Seeds.generator(7);
            int refused = 0;
            for (int i = 0; i < 1200; i++) {
                boolean isCsv = i % 2 == 0;
                byte[] bytes = Mutations.bytes(isCsv ? csv.toByteArray() : binary.toByteArray(), random);
                Path file = Files.write(dir.resolve(isCsv ? "fuzzed.csv" : "fuzzed.ntds"), bytes);
                int index = i;
                refused += assertTimeoutPreemptively(EACH, () -> {
                    try {
                        TransitionFiles.Loaded loaded = TransitionFiles.load(file);
                        DatasetCheck.problems(loaded.data(), spec.observationSpace(), spec.actionSpace(), "admission/Control-v1",
                                loaded.where(), file.toString(), 20);
                        return 0;
                    } catch (IOException e) {
                        assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()),
                                "input " + index + ": the error names the file: " + e);
                        return 1;
                    } catch (RuntimeException | Error e) {
                        throw new AssertionError("input " + index + " (" + file.getFileName() + ") threw " + e, e);
                    }
                });
            }
            System.out.println("dataset fuzz: " + refused + " of 1200 refused with the file named");
            assertTrue(refused > 300, "most mutations break a dataset: " + refused);
        }
    }

    @Test
    void mutatedPolicyFilesAreLoadedOrRefusedWithAnIoError() throws Exception {
        record Case(String algorithm, String scenario, Map<String, Object> config) {
        }
        List<Case> cases = List.of(new Case("rl/random", "example/ChannelAccess-v1", Map.of()),
                new Case("rl/dqn", "example/ChannelAccess-v1", Map.of()), new Case("rl/q-learning", "admission/Control-v1", Map.of()),
                new Case("rl/ppo", "example/ChannelAccess-v1", Map.of()), new Case("rl/td3", "slicing/MultiCell-v1", Map.of("controlledCell", 1)),
                new Case("baseline/traffic-aware", "slicing/MultiCell-v1", Map.of("controlledCell", 1)));
        RandomGenerator random = Seeds.generator(11);
        for (Case c : cases) {
            try (PluginLease<ScenarioProvider> s = catalog.lease(PluginKind.SCENARIO, c.scenario(), ScenarioProvider.class);
                    PluginLease<AlgorithmProvider> a = catalog.lease(PluginKind.ALGORITHM, c.algorithm(), AlgorithmProvider.class);
                    Scenario scenario = s.service().create(s.service().configSchema().validate(c.config(), ""), 1)) {
                EnvironmentSpec spec = EnvironmentSpec.of(scenario);
                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                a.service().create(spec, a.service().configSchema().defaults(), 5).policy().save(saved);
                int refused = 0;
                for (int i = 0; i < 200; i++) {
                    byte[] bytes = Mutations.bytes(saved.toByteArray(), random);
                    int index = i;
                    refused += assertTimeoutPreemptively(EACH, () -> {
                        try {
                            a.service().loadPolicy(spec, new ByteArrayInputStream(bytes));
                            return 0;
                        } catch (IOException e) {
                            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), c.algorithm() + " input " + index + ": " + e);
                            return 1;
                        } catch (RuntimeException | Error e) {
                            throw new AssertionError(c.algorithm() + " policy input " + index + " threw " + e + " instead of an IOException", e);
                        }
                    });
                }
                System.out.println("policy fuzz " + c.algorithm() + ": " + refused + " of 200 refused");
                assertTrue(refused > 100, c.algorithm() + ": most mutations break a policy: " + refused);
            }
        }
    }
}
