package org.nettwin.lab.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.RunOptions;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The twin closed loops through the real runner and plugins: DQN on admission control with the
 * counted-MDP twin, beside vanilla DQN. Checks the loop's bookkeeping (real steps, evaluation
 * points, twin accuracy after each calibration), the comparison in summary.json, the plots,
 * reproducibility, and that unusable plugin combinations are refused before anything runs.
 */
class TwinLoopIT {

    @TempDir
    Path dir;

    ExperimentRunner runner;

    @BeforeEach
    void setUp() throws InterruptedException {
        runner = LabServices.runner();
        LabServices.catalogWith("admission/Control-v1", "rl/dqn", "twin/tabular", "rl/random", "rl/q-learning");
    }

    Path experiment(String name, String scenario, String algorithm) throws IOException {
        return experiment(name, scenario, algorithm, "q");
    }

    Path experiment(String name, String scenario, String algorithm, String landscapeNetwork) throws IOException {
        return Files.writeString(dir.resolve(name + ".json"), """
                {"name": "%s", "type": "twin-loop",
                 "scenario": %s,
                 "algorithm": %s,
                 "twin": {"id": "twin/tabular"},
                 "loop": {"historySteps": 600, "realSteps": 400, "twinSteps": 1500, "initialTwinSteps": 3000, "heldOutSteps": 300},
                 "budget": {"steps": 1800, "evalEvery": 400, "evalEpisodes": 2},
                 "landscape": {"network": "%s", "range": 0.5, "points": 5, "gridPoints": 3},
                 "seeds": [3, 4]}
                """.formatted(name, scenario, algorithm, landscapeNetwork));
    }

    static final String ADMISSION = "{\"id\": \"admission/Control-v1\"}";
    static final String DQN = "{\"id\": \"rl/dqn\", \"config\": {\"learningStarts\": 200, \"epsilonSteps\": 2000, \"hidden\": [32]}}";

    @Test
    @SuppressWarnings("unchecked")
    void runsBothArmsAndComparesTheirRealSteps() throws IOException {
        Path f = experiment("loop", ADMISSION, DQN);
        runner.run(runner.load(f), new RunOptions(dir.resolve("a"), null));
        runner.run(runner.load(f), new RunOptions(dir.resolve("b"), null));
        byte[] metrics = Files.readAllBytes(dir.resolve("a/metrics.csv"));
        assertArrayEquals(metrics, Files.readAllBytes(dir.resolve("b/metrics.csv")), "same seeds, same numbers, whatever the thread schedule");

        Map<String, Object> summary = new ObjectMapper().readValue(dir.resolve("a/summary.json").toFile(), Map.class);
        assertEquals(2, summary.get("seeds"));
        List<Map<String, Object>> perSeed = (List<Map<String, Object>>) summary.get("per_seed");
        assertEquals(2, perSeed.size());
        for (Map<String, Object> s : perSeed) {
            long vanilla = ((Number) s.get("vanilla_real_steps")).longValue();
            assertTrue(vanilla > 0 && vanilla <= 1800, "vanilla reaches its own final reward within its budget: " + vanilla);
            Object twin = s.get("twin_real_steps");
            assertEquals(twin != null, s.get("twin_reached_target"));
            if (twin != null) {
                long t = ((Number) twin).longValue();
                assertTrue(t >= 600 && t <= 1800, "the twin arm's count includes the 600 historical steps: " + t);
                assertEquals((double) vanilla / t, ((Number) s.get("real_steps_ratio")).doubleValue(), 1e-12);
            }
            Map<String, Object> accuracy = (Map<String, Object>) s.get("twin_accuracy");
            assertEquals(300, ((Number) accuracy.get("samples")).intValue(), "accuracy measured on the held-out transitions");
        }
        String csv = new String(metrics, java.nio.charset.StandardCharsets.UTF_8);
        // evaluations: vanilla at 0, 400, 800, 1200, 1600, 1800; twin at 600 (after the first twin), 1000, 1400, 1800
        assertEquals(2 * 6, count(csv, ",vanilla/eval_return,"), csv.lines().limit(5).toList().toString());
        assertEquals(2 * 4, count(csv, ",twin/eval_return,"));
        assertEquals(2 * 4, count(csv, ",twin/one_step_rmse,"), "after building and after each of the 3 calibrations");
        assertTrue(csv.contains("3,1800,twin/eval_return,"), "the last evaluation is at the whole budget");
        for (String png : List.of("reward.png", "twin-error.png")) {
            BufferedImage image = ImageIO.read(dir.resolve("a").resolve(png).toFile());
            assertNotNull(image, png + " decodes");
            assertEquals(960, image.getWidth());
        }
        Map<String, Object> landscape = (Map<String, Object>) summary.get("landscape");
        for (String arm : List.of("vanilla", "twin")) {
            Map<String, Object> figures = (Map<String, Object>) landscape.get(arm);
            assertTrue(Double.isFinite(((Number) figures.get("mean_increase_mean")).doubleValue()), arm + ": " + figures);
            assertTrue(((Number) figures.get("sharpness_mean")).doubleValue() >= 0, arm + ": sharpness is a rise, never negative");
            for (String suffix : List.of("-1d.csv", "-1d.png", "-2d.csv", "-2d.png", ".json")) {
                assertTrue(Files.isRegularFile(dir.resolve("a/landscape/seed3-" + arm + suffix)), arm + suffix);
            }
        }
        assertNotNull(ImageIO.read(dir.resolve("a/landscape/landscape-1d.png").toFile()));
        Map<String, Object> resolved = new ObjectMapper().readValue(dir.resolve("a/experiment.json").toFile(), Map.class);
        assertEquals("twin-loop", resolved.get("type"));
        assertEquals("twin/tabular", ((Map<String, Object>) resolved.get("twin")).get("id"));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void refusesPluginsTheLoopCannotUseBeforeAnythingRuns() throws IOException {
        Path notCheckpointable = experiment("tabular-q", ADMISSION, "{\"id\": \"rl/q-learning\"}");
        ExperimentException e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(notCheckpointable)));
        assertTrue(String.join("\n", e.problems()).contains("algorithm.id: rl/q-learning cannot hand its policy"), e.problems().toString());

        Path multi = experiment("multi", "{\"id\": \"slicing/MultiCell-v1\"}", "{\"id\": \"rl/random\"}");
        e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(multi)));
        assertTrue(String.join("\n", e.problems()).contains("scenario.id: twin-loop experiments need a single-agent scenario"),
                e.problems().toString());

        Path noSuchNetwork = experiment("net", ADMISSION, DQN, "critic9");
        e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(noSuchNetwork)));
        assertTrue(String.join("\n", e.problems()).contains("landscape.network: rl/dqn has no network 'critic9'; it has [q]"),
                e.problems().toString());

        Path unknownTwin = Files.writeString(dir.resolve("unknown.json"), Files.readString(experiment("u", ADMISSION, DQN))
                .replace("twin/tabular", "twin/nonesuch"));
        e = assertThrows(ExperimentException.class, () -> runner.validate(runner.load(unknownTwin)));
        String problems = String.join("\n", e.problems());
        assertTrue(problems.contains("unknown.json:") && problems.contains("twin.id:") && problems.contains("twin/tabular"),
                "located, and lists the known twin builders: " + problems);
        assertFalse(Files.exists(dir.resolve("unknown")), "nothing written");
    }
}
