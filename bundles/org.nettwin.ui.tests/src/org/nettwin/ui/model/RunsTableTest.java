package org.nettwin.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsTableTest {

    @TempDir
    Path runs;

    static Path run(Path runs, String name, String scenario, String algorithm, double evalMean, long finishedSecond) throws IOException {
        Path f = Files.createDirectories(runs.resolve(name));
        Files.writeString(f.resolve("experiment.json"), """
                {"name": "%s", "type": "train", "scenario": {"id": "%s", "config": {}}, "algorithm": {"id": "%s", "config": {}}, "seeds": [1, 2, 3]}
                """.formatted(name, scenario, algorithm));
        Files.writeString(f.resolve("summary.json"), """
                {"experiment": "%s", "type": "train", "scenario": "%s", "eval_return_mean": %s, "eval_return_std": 0.5,
                 "per_seed": [{"seed": 1}], "wall_seconds": 2.5}
                """.formatted(name, scenario, evalMean));
        Files.setLastModifiedTime(f.resolve("summary.json"), FileTime.from(Instant.ofEpochSecond(finishedSecond)));
        return f;
    }

    @Test
    void aSummaryBecomesARowWithItsHeadlineFigures() throws IOException {
        RunRow row = RunRow.read(run(runs, "a", "example/ChannelAccess-v1", "rl/random", 12.25, 1000));
        assertEquals("a", row.name());
        assertEquals("train", row.kind());
        assertEquals("example/ChannelAccess-v1", row.scenario());
        assertEquals("rl/random", row.algorithm());
        assertEquals(3, row.seeds());
        assertEquals(Map.of("eval_return_mean", 12.25, "eval_return_std", 0.5), row.headline());
        assertEquals(List.of("eval_return_mean", "eval_return_std"), List.copyOf(row.headline().keySet()), "summary order, wall time left out");
        assertEquals(2.5, row.seconds());
        assertEquals(RunRow.FINISHED, row.status());
        assertEquals("eval_return_mean=12.25  eval_return_std=0.5000", row.headlineText(2));
        assertEquals(Instant.ofEpochSecond(1000), row.date());
    }

    @Test
    void theTableSortsFiltersAndSkipsHiddenAndUnfinishedFolders() throws IOException {
        run(runs, "b-dqn", "urllc/Cell-v1", "rl/dqn", 30, 2000);
        run(runs, "a-random", "urllc/Cell-v1", "rl/random", 10, 3000);
        run(runs, "c-q", "admission/Ac-v1", "rl/q-learning", 20, 1000);
        Files.createDirectories(runs.resolve(".c-q.staging"));
        Files.createDirectories(runs.resolve("killed"));
        Files.writeString(runs.resolve("notes.txt"), "not a run");
        Files.createDirectories(runs.resolve("broken"));
        Files.writeString(runs.resolve("broken/summary.json"), "{not json");

        RunsTable table = RunsTable.load(runs);
        assertEquals(List.of("killed", "a-random", "b-dqn", "c-q"), table.rows().stream().map(RunRow::name).toList(),
                "newest first (the unfinished folder was made now)");
        assertEquals(1, table.unreadable().size());
        assertTrue(table.unreadable().get(0).startsWith("broken: "), table.unreadable().toString());
        assertEquals(RunRow.INCOMPLETE, table.rows().stream().filter(r -> r.name().equals("killed")).findFirst().orElseThrow().status());

        List<String> byHeadline = table.view("", RunsTable.Column.HEADLINE, false).stream().map(RunRow::name).toList();
        assertEquals(List.of("b-dqn", "c-q", "a-random", "killed"), byHeadline);
        assertEquals(List.of("a-random", "b-dqn"), table.view("urllc", RunsTable.Column.NAME, true).stream().map(RunRow::name).toList());
        assertEquals(List.of("b-dqn"), table.view("URLLC dqn", RunsTable.Column.NAME, true).stream().map(RunRow::name).toList());
    }

    @Test
    void aMissingRunsFolderIsAnEmptyTable() throws IOException {
        assertEquals(List.of(), RunsTable.load(runs.resolve("none")).rows());
    }
}
