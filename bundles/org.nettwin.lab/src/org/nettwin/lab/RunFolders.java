package org.nettwin.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.nettwin.api.io.AtomicFolder;

/**
 * The default name of a run's folder, shared by every front end (command line, Workbench), so a
 * run started anywhere lands where {@code nettwin run} would put it.
 *
 * @since 0.1.1
 */
public final class RunFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunFolders() {
    }

    /**
     * @return {@code parent/NAME-yyyyMMdd-HHmmss-SSS}, with {@code -2}, {@code -3}, ... when another run
     *         has (or claims) that name already
     */
    public static Path fresh(Path parent, String name) throws IOException {
        Path base = parent.resolve(name + "-" + LocalDateTime.now().format(STAMP));
        Path candidate = base;
        for (int i = 2; Files.exists(candidate) || AtomicFolder.read(candidate).isPresent(); i++) {
            candidate = parent.resolve(base.getFileName() + "-" + i);
        }
        return candidate;
    }
}
