package org.nettwin.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
    void aFolderAppearsOnlyOnCommitAndIsGoneOnAbort(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("run");
        try (AtomicFolder folder = new AtomicFolder(target)) {
            Files.writeString(folder.staging().resolve("metrics.csv"), "seed,step,metric,value\n");
            assertFalse(Files.exists(target), "nothing is visible before the commit");
            folder.commit();
        }
        assertTrue(Files.isRegularFile(target.resolve("metrics.csv")));

        Path aborted = dir.resolve("aborted");
        try (AtomicFolder folder = new AtomicFolder(aborted)) {
            Files.writeString(folder.staging().resolve("half.csv"), "x");
        }
        assertFalse(Files.exists(aborted));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the staging folder of the aborted one is deleted");
        }
        assertThrows(IOException.class, () -> new AtomicFolder(target), "an existing folder is never overwritten");
    }
}
