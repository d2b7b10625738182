package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.io.AtomicFiles;
import org.nettwin.api.io.AtomicFolder;

class AtomicFilesTest {

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a/b/figures.json");
        AtomicFiles.writeString(file, "{\"x\": 1}");
        AtomicFiles.writeString(file, "{\"x\": 2}");
        assertEquals("{\"x\": 2}", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFolderIsClaimedAtOnceAppearsOnlyOnCommitAndIsGoneOnAbort(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("run");
        try (AtomicFolder folder = AtomicFolder.claim(target)) {
            Files.writeString(folder.staging().resolve("metrics.csv"), "seed,step,metric,value\n");
            assertFalse(Files.exists(target), "nothing is visible before the commit");
            AtomicFolder.TakenException taken = assertThrows(AtomicFolder.TakenException.class, () -> AtomicFolder.claim(target));
            assertTrue(taken.getMessage().contains("is being written by another run (process " + ProcessHandle.current().pid()),
                    "a second run is refused at once: " + taken.getMessage());
            folder.commit();
        }
        assertTrue(Files.isRegularFile(target.resolve("metrics.csv")));
        assertFalse(Files.exists(dir.resolve(".run.claim")), "the claim is released");
        assertTrue(assertThrows(AtomicFolder.TakenException.class, () -> AtomicFolder.claim(target)).getMessage().contains("already exists"),
                "an existing folder is never overwritten");

        Path aborted = dir.resolve("aborted");
        try (AtomicFolder folder = AtomicFolder.claim(aborted)) {
            Files.writeString(folder.staging().resolve("half.csv"), "x");
        }
        assertFalse(Files.exists(aborted));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("run"), files.map(p -> p.getFileName().toString()).toList(), "staging folder and claim of the aborted one are gone");
        }
    }

    @Test
    void aClaimLeftByADeadRunIsReportedResumedAndCleaned(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("killed");
        AtomicFolder first = AtomicFolder.claim(target);
        Files.writeString(first.staging().resolve("unit-1.result"), "done");
        // a process killed outright leaves its claim; pretend its owner is gone
        String claim = Files.readString(dir.resolve(".killed.claim")).replaceAll("pid=\\d+", "pid=999999999");
        Files.writeString(dir.resolve(".killed.claim"), claim);
        AtomicFolder.TakenException stopped = assertThrows(AtomicFolder.TakenException.class, () -> AtomicFolder.claim(target));
        assertTrue(stopped.getMessage().contains("stopped before it finished") && stopped.getMessage().contains("--resume"), stopped.getMessage());
        assertEquals(1, AtomicFolder.stale(dir).size());
        try (AtomicFolder resumed = AtomicFolder.resume(target)) {
            assertTrue(resumed.resumed());
            assertEquals("done", Files.readString(resumed.staging().resolve("unit-1.result")), "what the killed run wrote is there");
            resumed.commit();
        }
        assertTrue(Files.isRegularFile(target.resolve("unit-1.result")));
        assertEquals(0, AtomicFolder.stale(dir).size());

        AtomicFolder orphan = AtomicFolder.claim(dir.resolve("orphan"));
        Files.writeString(dir.resolve(".orphan.claim"), Files.readString(dir.resolve(".orphan.claim")).replaceAll("pid=\\d+", "pid=999999999"));
        for (AtomicFolder.Claim c : AtomicFolder.stale(dir)) {
            c.clean();
        }
        assertFalse(Files.exists(orphan.staging()), "nettwin clean removes the staging folder");
        assertFalse(Files.exists(dir.resolve(".orphan.claim")));
    }

    /**
     * A run killed the moment its claim appears (before its staging folder exists, as the product
     * test's kill can hit it) left an empty claim that read as a live run's for ever; the claim is
     * now created with its content, so it is reported as stopped and cleaned.
     */
    @Test
    void aRunKilledRightAfterClaimingIsReportedAndCleaned(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("early");
        AtomicFolder first = AtomicFolder.claim(target);
        String claim = Files.readString(dir.resolve(".early.claim"));
        assertTrue(claim.contains("pid=" + ProcessHandle.current().pid()) && claim.contains("staging=" + first.staging().getFileName()), claim);
        Files.delete(first.staging());
        Files.writeString(dir.resolve(".early.claim"), claim.replaceAll("pid=\\d+", "pid=999999999"));
        AtomicFolder.TakenException stopped = assertThrows(AtomicFolder.TakenException.class, () -> AtomicFolder.claim(target));
        assertTrue(stopped.getMessage().contains("stopped before it finished"), stopped.getMessage());
        List<AtomicFolder.Claim> stale = AtomicFolder.stale(dir);
        assertEquals(1, stale.size());
        stale.get(0).clean();
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing left");
        }
        try (AtomicFolder again = AtomicFolder.claim(target)) {
            assertTrue(Files.isDirectory(again.staging()), "the folder can be claimed again");
        }
    }
}
