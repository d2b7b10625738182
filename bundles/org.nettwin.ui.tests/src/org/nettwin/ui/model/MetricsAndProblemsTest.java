package org.nettwin.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;

class MetricsAndProblemsTest {

    @TempDir
    Path dir;

    @Test
    void metricsCsvBecomesOneCurvePerSeed() throws IOException {
        Path csv = dir.resolve("metrics.csv");
        Files.writeString(csv, "seed,step,metric,value\n1,10,loss,0.5\n1,10,episode_return,3.0\n1,20,episode_return,4.5\n2,10,episode_return,-1.0\n");
        MetricsTable t = MetricsTable.read(csv);
        assertEquals(List.of("loss", "episode_return"), t.metrics());
        assertEquals("episode_return", t.preferredMetric());
        List<Series> s = t.series("episode_return", "run ");
        assertEquals(List.of("run seed 1", "run seed 2"), s.stream().map(Series::label).toList());
        assertArrayEquals(new double[] {10, 20}, s.get(0).x());
        assertArrayEquals(new double[] {3.0, 4.5}, s.get(0).y());
        Files.writeString(csv, "seed,step,metric,value\n1,x,loss,0.5\n");
        IOException e = assertThrows(IOException.class, () -> MetricsTable.read(csv));
        assertTrue(e.getMessage().startsWith(csv + ":2: "), e.getMessage());
    }

    @Test
    void liveCurvesKeepEveryPointPerUnitAndMetric() throws InterruptedException {
        LiveCurves live = new LiveCurves();
        Thread[] units = new Thread[4];
        for (int u = 0; u < units.length; u++) {
            String unit = "seed " + u;
            units[u] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    live.add(unit, "episode_return", i, i * 0.5);
                }
            });
            units[u].start();
        }
        for (Thread t : units) {
            t.join();
        }
        assertEquals(40_000, live.points());
        assertEquals(List.of("episode_return"), live.metrics());
        List<Series> s = live.series("episode_return");
        assertEquals(4, s.size());
        for (Series one : s) {
            assertEquals(10_000, one.x().length);
            assertEquals(9_999 * 0.5, one.y()[9_999]);
        }
    }

    @Test
    void locatedErrorsBecomeMarkersAtTheirPlace() {
        String text = "{\n  \"name\": \"x\",\n  \"seeds\": [1, 1]\n}\n";
        List<Problem> p = Problem.parse("/tmp/x.json", List.of("/tmp/x.json:3:16: seeds[1]: duplicate seed 1", "something without a place"));
        assertEquals(new Problem(3, 16, "seeds[1]: duplicate seed 1"), p.get(0));
        assertEquals(new Problem(0, 0, "something without a place"), p.get(1));
        assertEquals(text.indexOf("1]"), p.get(0).offset(text));
        assertEquals(1, p.get(0).length(text));
        assertEquals(0, p.get(1).offset(text));
    }

    @Test
    void theCatalogBecomesRowsWithFailedPluginsLast() {
        List<PluginRow> rows = PluginRow.of(List.of(new PluginEntry(PluginKind.ALGORITHM, "rl/random", "Random", "uniform actions", "org.x", "1.0"),
                new PluginEntry(PluginKind.SCENARIO, "a/B-v1", "B", "a scenario", "org.y", "2.0")),
                List.of(new FailedPlugin("", "broken.plugin", "0.1", "IllegalStateException: no licence (in P.<init>)", "/p/broken.jar", "trace")));
        assertEquals(List.of("scenarios", "algorithms", "failed"), rows.stream().map(PluginRow::group).toList());
        PluginRow failed = rows.get(2);
        assertTrue(failed.failed());
        assertEquals("broken.plugin — IllegalStateException: no licence (in P.<init>)", failed.label());
        assertEquals("from /p/broken.jar\n\ntrace", failed.description());
        assertEquals("rl/random — Random", rows.get(1).label());
    }
}
