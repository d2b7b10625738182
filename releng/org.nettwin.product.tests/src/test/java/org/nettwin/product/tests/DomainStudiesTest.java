package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Quick forms of the shipped digital-domain studies (examples/urllc-n-trials.json,
 * examples/uav-k-step.json): the same files with fewer episodes and seeds, run by the real
 * product; their summary.json has the figures the issue names and the plots are written.
 */
class DomainStudiesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    static ObjectNode shipped(String name) throws Exception {
        Path file = Path.of(System.getProperty("nettwin.root", "../..")).resolve("examples").resolve(name);
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    JsonNode run(ObjectNode experiment, String out) throws Exception {
        Path file = work.resolve(out + ".json");
        JSON.writeValue(file.toFile(), experiment);
        Runtime.Result r = Runtime.run(work, Files.createDirectories(work.resolve("plugins")), "run", file.toString(), "--out", out);
        assertEquals(0, r.status(), r.out() + r.err());
        return JSON.readTree(work.resolve(out).resolve("summary.json").toFile());
    }

    static void hasFigures(JsonNode group, List<String> keys) {
        assertEquals(keys, iterable(group.fieldNames()), group.toString());
        for (String key : keys) {
            JsonNode arm = group.get(key);
            assertTrue(arm.get("final_return").isNumber(), arm.toString());
            assertTrue(arm.has("episodes_to_target") && (arm.get("episodes_to_target").isNull() || arm.get("episodes_to_target").isInt()),
                    arm.toString());
            assertTrue(arm.get("cost").get("physical_steps").asDouble() > 0, arm.toString());
        }
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void quickNTrialsStudy() throws Exception {
        ObjectNode e = shipped("urllc-n-trials.json");
        ((ObjectNode) e.get("study")).put("episodes", 40).put("movingAverage", 5);
        ((ObjectNode) e.get("learner")).put("epsilonSteps", 2000);
        e.putArray("seeds").add(1).add(2);
        JsonNode summary = run(e, "n-trials");
        hasFigures(summary.get("n_trials"), List.of("1", "2", "3", "5"));
        JsonNode n1 = summary.get("n_trials").get("1");
        JsonNode n5 = summary.get("n_trials").get("5");
        assertEquals(0, n1.get("cost").get("domain_steps").asDouble(), 0.0, "n = 1 uses no domain");
        assertEquals(4.0, n5.get("cost").get("domain_steps_per_physical_step").asDouble(), 1e-9, "n = 5: four domain trials per physical step");
        assertTrue(Files.exists(work.resolve("n-trials/returns-n_trials.png")));
        assertTrue(Files.exists(work.resolve("n-trials/returns-n_trials-raw.png")));
    }

    @Test
    void quickKStepStudyWithTheTwinAblation() throws Exception {
        ObjectNode e = shipped("uav-k-step.json");
        ((ObjectNode) e.get("study")).put("episodes", 4).put("movingAverage", 2).putArray("predictionSteps").add(1).add(2);
        ((ObjectNode) e.get("study")).putArray("ablationDomains").add(1).add(2);
        ((ObjectNode) e.get("learner")).put("learningStarts", 50).put("epsilonSteps", 200);
        ((ObjectNode) e.get("domains")).put("twinDataSteps", 400);
        ((ObjectNode) e.get("twin").get("config")).put("epochs", 2);
        ((ObjectNode) e.get("scenario")).putObject("config").put("users", 4).put("uavs", 2);
        e.putArray("seeds").add(1);
        JsonNode summary = run(e, "k-step");
        hasFigures(summary.get("k_step"), List.of("1", "2"));
        hasFigures(summary.get("domains_ablation"), List.of("1", "2"));
        JsonNode twin = summary.get("domains_ablation").get("2").get("cost");
        assertEquals(400, twin.get("twin_data_steps").asDouble(), 0.0, "the twin's data is counted as physical cost");
        double perStep = twin.get("domain_steps_per_physical_step").asDouble();
        // D = 2 domains, k = 4 steps each, fewer for predictions cut by the episode's end
        assertTrue(perStep > 2 * 3 && perStep <= 2 * 4, "domain steps per physical step " + perStep);
        assertTrue(Files.exists(work.resolve("k-step/returns-k_step-raw.png")));
        assertTrue(Files.exists(work.resolve("k-step/returns-domains_ablation.png")));
    }
}
