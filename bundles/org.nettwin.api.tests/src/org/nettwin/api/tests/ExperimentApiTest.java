package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Statistics;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.scenario.ScenarioProvider;

/** The plain-data side of experiment kinds: unit data, units, sections, statistics. */
class ExperimentApiTest {

    @Test
    void unitDataSurvivesTheFormAJsonParserGivesBack() {
        UnitData nested = new UnitData().put("network", "q").put("alphas", new double[] {-1, 0, 1});
        UnitData d = new UnitData().put("steps", 1800L).put("ratio", 2.5).put("ok", true).put("missing", Double.NaN)
                .put("curve", new double[][] {{0, 1.5}, {400, Double.NEGATIVE_INFINITY}}).put("landscape", nested)
                .putStrings("features", List.of("load", "delay")).putList("arms", List.of(nested, nested));
        // what Jackson reads back: ints for small whole numbers, non-finite numbers as text
        Map<String, Object> parsed = Map.of("steps", 1800, "ratio", 2.5, "ok", true, "missing", "NaN",
                "curve", List.of(List.of(0, 1.5), List.of(400, "-Infinity")),
                "landscape", Map.of("network", "q", "alphas", List.of(-1, 0, 1)),
                "features", List.of("load", "delay"), "arms", List.of(Map.of("network", "q", "alphas", List.of(-1.0, 0.0, 1.0))));
        UnitData back = UnitData.of(parsed);
        assertEquals(1800L, back.getLong("steps"));
        assertEquals(2.5, back.getDouble("ratio"));
        assertTrue(back.getBoolean("ok"));
        assertTrue(Double.isNaN(back.getDouble("missing")));
        assertArrayEquals(d.getMatrix("curve")[1], back.getMatrix("curve")[1]);
        assertArrayEquals(new double[] {-1, 0, 1}, back.getData("landscape").getDoubles("alphas"));
        assertEquals("q", back.getDataList("arms").get(0).getString("network"));
        assertEquals(List.of("load", "delay"), back.getStrings("features"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> back.getDouble("nope"));
        assertTrue(e.getMessage().contains("no value 'nope'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnitData.of(Map.of("x", "text")).getDouble("x"));
    }

    @Test
    void unitsAndSectionsCheckTheirDefinitions() {
        assertEquals("seed-1-twin", new Unit("seed-1-twin", 1, "seed 1 twin", 10).key());
        assertThrows(IllegalArgumentException.class, () -> new Unit("seed 1", 1, "x", 10), "keys name files: no spaces");
        assertThrows(IllegalArgumentException.class, () -> new Unit("a", 1, "x", 0), "work at least 1");
        ConfigSchema withId = ConfigSchema.builder().intParam("id", 1, 0, 9, "clash").build();
        assertThrows(IllegalArgumentException.class,
                () -> new Section.Plugin("twin", ScenarioProvider.class, true, false, withId, "x"), "id is reserved in plugin sections");
    }

    @Test
    void statistics() {
        assertEquals(2.0, Statistics.mean(new double[] {1, 2, 3}));
        assertTrue(Double.isNaN(Statistics.mean(new double[0])));
        assertEquals(1.0, Statistics.std(new double[] {1, 2, 3}), 1e-15);
        assertEquals(0.0, Statistics.std(new double[] {5}));
        assertEquals(5.0, Statistics.tailMean(new double[] {1, 5}, 0.1), "at least one value");
        assertEquals(4.5, Statistics.tailMean(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 4, 5}, 0.2));
        assertTrue(Double.isNaN(Statistics.tailMean(new double[0], 0.1)));
        assertArrayEquals(new double[] {1, 1.5, 2.5}, Statistics.movingMean(new double[] {1, 2, 3}, 2), 1e-12);
        assertEquals(null, Statistics.finiteOrNull(Double.NaN));
    }
}
