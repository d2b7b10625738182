package org.nettwin.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The DT-BSM study (issue 15) in the real product: its metrics listed, a quick form of examples/admission-dt-bsm.json run. */
class DtBsmProductTest {

    @TempDir
    Path work;

    @Test
    void theMetricsAreListedAndAQuickStudyHoldsItsBound() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Runtime.Result list = Runtime.run(work, plugins, "list", "--json");
        assertEquals(0, list.status(), list.err());
        JsonNode metrics = new ObjectMapper().readTree(list.out()).get("metrics");
        for (String id : new String[] {"metric/dt-bsm-wasserstein", "metric/dt-bsm-tv", "metric/dt-bsm-empirical"}) {
            assertTrue(metrics.toString().contains(id), id + " in " + metrics);
        }
        // the shipped study, smaller: capacity 3 (18 states), two perturbed and one tabular twin, one timed size
        JsonNode shipped = new ObjectMapper().readTree(Path.of(System.getProperty("nettwin.examples", "../../examples"))
                .resolve("admission-dt-bsm.json").toFile());
        assertEquals("dt-bsm", shipped.get("type").asText());
        Path exp = Files.writeString(work.resolve("quick.json"), """
                {"name": "quick-dt-bsm", "type": "dt-bsm",
                 "scenario": {"id": "admission/Control-v1", "config": {"capacity": 3}},
                 "study": {"perturbations": [0.3], "datasetSizes": [2000], "empiricalTransitions": 5000, "timingCapacities": [2, 3]},
                 "seeds": [1]}
                """);
        Runtime.Result r = Runtime.run(work, plugins, "run", exp.toString(), "--out", "quick");
        assertEquals(0, r.status(), r.err());
        JsonNode summary = new ObjectMapper().readTree(work.resolve("quick/summary.json").toFile());
        assertTrue(summary.get("bound_holds").asBoolean(), summary.toString());
        assertTrue(summary.has("rank_correlation"), summary.toString());
        assertEquals(3, summary.get("candidates").size());
        for (JsonNode c : summary.get("candidates")) {
            for (String key : new String[] {"wasserstein", "tv", "empirical", "gap", "bound"}) {
                assertTrue(c.get(key).isNumber(), key + " of " + c);
            }
        }
        for (String png : new String[] {"gap-vs-dtbsm.png", "worst-case-gap.png", "metric-time.png"}) {
            assertTrue(Files.size(work.resolve("quick").resolve(png)) > 1000, png);
        }
        assertTrue(r.out().contains("bound held for every one"), r.out());
    }
}
