package org.nettwin.cli.internal;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** Failures described in words (run folder names come from the lab's {@link org.nettwin.lab.RunFolders}). */
final class RunFolders {

    private RunFolders() {
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
