package org.nettwin.lab.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;

/** What the lab writes for every kind: metrics.csv and progress lines. */
class RunFilesTest {

    @Test
    void metricsCsvHasEveryUnitsRowsInUnitOrderWithTheUnitsSeed(@TempDir Path dir) throws IOException {
        Unit a = new Unit("seed-2-vanilla", 2, "seed 2 vanilla", 10);
        Unit b = new Unit("seed-2-twin", 2, "seed 2 twin", 10);
        Unit c = new Unit("seed-7", 7, "seed 7", 10);
        MetricsCsv.write(dir.resolve("metrics.csv"), List.of(
                new UnitResult(a, List.of(new MetricRow(0, "vanilla/eval_return", 1.5)), new UnitData(), 0),
                new UnitResult(b, List.of(new MetricRow(500, "twin/eval_return", -0.25), new MetricRow(500, "twin/one_step_rmse", 3e-7)),
                        new UnitData(), 0),
                new UnitResult(c, List.of(), new UnitData(), 0)));
        assertEquals("""
                seed,step,metric,value
                2,0,vanilla/eval_return,1.5
                2,500,twin/eval_return,-0.25
                2,500,twin/one_step_rmse,3.0E-7
                """, Files.readString(dir.resolve("metrics.csv")));
    }

    @Test
    void progressPrintsAtMostOnceASecondAndWhenAUnitFinishesWithTheRunsShareAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long[] now = {0};
        Unit a = new Unit("a", 1, "seed 1", 1000);
        Unit b = new Unit("b", 2, "seed 2", 3000);
        RunProgress progress = new RunProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(a, b), () -> now[0]);
        now[0] = 500_000_000L;
        progress.update(a, 100);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing within the first second");
        now[0] = 2_000_000_000L;
        progress.update(b, 900);
        progress.update(a, 200);
        String lines = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.lines().count(), lines);
        assertTrue(lines.startsWith("[seed 2] 900/3,000  all  25%  500/s  ETA 0:06"), lines);
        progress.finished(a);
        String last = bytes.toString(StandardCharsets.UTF_8).lines().reduce((x, y) -> y).orElseThrow();
        assertTrue(last.startsWith("[seed 1] 1,000/1,000  all  47%"), last);
    }

    @Test
    void etaClockFormat() {
        assertEquals("0:07", RunProgress.clock(7));
        assertEquals("2:05", RunProgress.clock(125));
        assertEquals("1:00:01", RunProgress.clock(3601));
    }
}
