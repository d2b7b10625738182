package org.nettwin.cli.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.nettwin.api.io.AtomicFolder;

/** Default run folder names, and failures described in words. */
final class RunFolders {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunFolders() {
    }

    /**
     * @return {@code parent/NAME-yyyyMMdd-HHmmss-SSS}, with {@code -2}, {@code -3}, ... when another run
     *         has (or claims) that name already
     */
    static Path fresh(Path parent, String name) throws IOException {
        Path base = parent.resolve(name + "-" + LocalDateTime.now().format(STAMP));
        Path candidate = base;
        for (int i = 2; Files.exists(candidate) || AtomicFolder.read(candidate).isPresent(); i++) {
            candidate = parent.resolve(base.getFileName() + "-" + i);
        }
        return candidate;
    }

    /** @return what went wrong, in words: the file and the reason, never a bare path */
    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            String reason = f.getReason() == null ? f.getClass().getSimpleName().replace("Exception", "") : f.getReason();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
