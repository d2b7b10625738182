package org.nettwin.api.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder that appears complete or not at all: everything is written into a hidden sibling,
 * which is renamed onto the target in one atomic move on commit and deleted on abort.
 *
 * @since 0.1
 */
public final class AtomicFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    /**
     * Creates the hidden staging sibling of {@code target}.
     *
     * @throws IOException if {@code target} exists (it is never overwritten) or cannot be created
     */
    public AtomicFolder(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        if (Files.exists(this.target)) {
            throw new IOException("output folder " + target + " already exists; choose another --out or remove it");
        }
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        this.staging = Files.createTempDirectory(parent, "." + this.target.getFileName() + ".partial-");
    }

    /** @return the staging folder to write into */
    public Path staging() {
        return staging;
    }

    /** Publishes the folder. */
    public void commit() throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically on this file system", e);
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed && Files.exists(staging)) {
            deleteTree(staging);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
