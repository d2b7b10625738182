package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;

/** Recording historical transitions with the real runner and plugins. */
class CollectIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;
    PluginCatalog catalog;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        catalog = LabServices.catalogWith("example/ChannelAccess-v1");
    }

    Path experiment(String name, String extra) throws IOException {
        return Files.writeString(dir.resolve(name + ".json"), """
                {"name": "%s", "type": "collect",
                 "scenario": {"id": "example/ChannelAccess-v1", "config": {"channels": 3, "timeLimit": 50}},
                 "algorithm": {"id": "rl/random"%s},
                 "collect": {"steps": 1234, "format": "both"},
                 "seeds": [5]}
                """.formatted(name, extra));
    }

    static TransitionDataset binary(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return TransitionBinary.read(in, f.toString());
        }
    }

    @Test
    void recordsTheRequestedTransitionsInBothFormatsReproducibly() throws IOException {
        Path f = experiment("history", "");
        RunResult a = runner.run(runner.load(f), new RunOptions(dir.resolve("a"), null));
        RunResult b = runner.run(runner.load(f), new RunOptions(dir.resolve("b"), null));
        TransitionDataset data = binary(a.folder().resolve("dataset-5.ntds"));
        assertEquals(1234, data.size());
        assertEquals(6, data.observationSize(), "3 channels: last state and age each");
        assertEquals(1, data.actionSize(), "a discrete action is one number");
        assertEquals(24, data.episode(data.size() - 1), "50-slot episodes: the 25th is unfinished");
        assertTrue(data.truncated(49) && !data.truncated(48), "each episode is truncated after its 50th slot");
        assertEquals("example/ChannelAccess-v1", data.metadata().get("scenario"));
        assertEquals("Discrete(3)", data.metadata().get("action_space"));
        for (int i = 0; i < 49; i++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(data.nextObservation(i, k), data.observation(i + 1, k), "transitions chain within an episode");
            }
        }
        TransitionDataset csv;
        try (BufferedReader in = Files.newBufferedReader(a.folder().resolve("dataset-5.csv"))) {
            csv = TransitionCsv.read(in, "dataset-5.csv");
        }
        assertTrue(data.sameContent(csv), "CSV and binary hold the same transitions");
        assertArrayEquals(Files.readAllBytes(a.folder().resolve("dataset-5.ntds")), Files.readAllBytes(b.folder().resolve("dataset-5.ntds")),
                "same experiment and seed, same dataset");
        assertTrue(Files.readString(a.folder().resolve("summary.json")).contains("\"transitions\" : 1234"));
    }

    @Test
    void aSavedPolicyCanBeTheBehaviour() throws IOException {
        Path policy = dir.resolve("behaviour.policy");
        try (PluginLease<AlgorithmProvider> lease = catalog.lease(PluginKind.ALGORITHM, "rl/random", AlgorithmProvider.class);
                PluginLease<ScenarioProvider> scenarios = catalog.lease(PluginKind.SCENARIO, "example/ChannelAccess-v1", ScenarioProvider.class);
                Scenario s = scenarios.service().create(scenarios.service().configSchema().validate(
                        java.util.Map.of("channels", 3, "timeLimit", 50), ""), 1);
                OutputStream out = Files.newOutputStream(policy)) {
            EnvironmentSpec spec = EnvironmentSpec.of(s);
            lease.service().create(spec, ConfigSchema.EMPTY.defaults(), 77).policy().save(out);
        }
        RunResult r = runner.run(runner.load(experiment("saved", ", \"policy\": \"behaviour.policy\"")), new RunOptions(dir.resolve("s"), null));
        assertEquals(1234, binary(r.folder().resolve("dataset-5.ntds")).size());
        assertTrue(Files.readString(r.folder().resolve("experiment.json")).contains("behaviour.policy"));

        Files.writeString(dir.resolve("garbage.policy"), "not a policy");
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> runner.validate(runner.load(experiment("bad", ", \"policy\": \"garbage.policy\""))));
        assertTrue(e.getMessage().contains("algorithm.policy: cannot load") && e.getMessage().contains("bad magic"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("bad")));
    }
}
