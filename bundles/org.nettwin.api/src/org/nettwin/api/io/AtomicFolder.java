package org.nettwin.api.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A run folder that appears complete or not at all, claimed from the start. Claiming
 * {@code runs/NAME} creates the claim file {@code runs/.NAME.claim} (naming this process and the
 * staging folder) atomically — a second run asking for the same folder is refused at once — and
 * the hidden staging sibling {@code runs/.NAME.partial-HEX} (eight random hex digits) that everything is written into.
 * {@link #commit()} renames the staging folder onto the target in one atomic move and removes the
 * claim; {@link #close()} without a commit deletes both. A process killed outright leaves its
 * claim and staging folder: {@link #resume} takes them over, {@link #stale} finds them and
 * {@link Claim#clean()} removes them. An existing folder is never replaced.
 *
 * @since 0.1
 */
public final class AtomicFolder implements AutoCloseable {

    /** The folder cannot be claimed: it exists, or another (live) run is writing it. */
    public static final class TakenException extends IOException {
        private static final long serialVersionUID = 1L;

        TakenException(String message) {
            super(message);
        }
    }

    /**
     * A claim on a run folder.
     *
     * @param target   the folder claimed
     * @param file     the claim file
     * @param pid      the claiming process
     * @param host     its host
     * @param started  when that process started (tells a reused pid apart)
     * @param staging  the staging folder it writes
     */
    public record Claim(Path target, Path file, long pid, String host, Instant started, Path staging) {

        /** @return whether the claiming process still runs (on another host: assumed to run) */
        public boolean alive() {
            if (!host.equals(hostName())) {
                return true;
            }
            return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(s -> s.equals(started)).orElse(false);
        }

        /** Deletes the staging folder and the claim. */
        public void clean() throws IOException {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
            Files.deleteIfExists(file);
        }

        @Override
        public String toString() {
            return target + " (claimed by process " + pid + " on " + host + " since " + started + ", staging " + staging.getFileName() + ")";
        }
    }

    private final Path target;
    private final Path claim;
    private final Path staging;
    private final boolean resumed;
    private boolean committed;

    private AtomicFolder(Path target, Path claim, Path staging, boolean resumed) {
        this.target = target;
        this.claim = claim;
        this.staging = staging;
        this.resumed = resumed;
    }

    /**
     * Claims {@code target} for a new run: its claim file and an empty staging folder.
     *
     * @throws TakenException if the folder exists, or is claimed by a live run (the message says how
     *                        to clean or resume a dead one's)
     */
    public static AtomicFolder claim(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        Path parent = t.getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("cannot create output folder " + target + ": " + (e.getReason() == null ? e.toString() : e.getReason()), e);
        }
        if (Files.exists(t)) {
            throw new TakenException("output folder " + target + " already exists; choose another --out or remove it");
        }
        Path claimFile = claimFile(t);
        Path staging = parent.resolve("." + t.getFileName() + ".partial-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        // the claim is created with its content in one write: a process killed right after creating
        // it (as soon as another process can see it) leaves a claim that names it, so the claim is
        // found stale, resumed or cleaned, never mistaken for a live run's for ever
        byte[] content = claimText(staging).getBytes(StandardCharsets.UTF_8);
        boolean created = false;
        try (java.io.OutputStream out = Files.newOutputStream(claimFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            created = true;
            out.write(content);
        } catch (java.nio.file.AccessDeniedException e) {
            if (created) {
                Files.deleteIfExists(claimFile);
            }
            throw new IOException("cannot create output folder " + target + ": permission denied in " + parent, e);
        } catch (FileAlreadyExistsException e) {
            Optional<Claim> other = read(t);
            if (other.isPresent() && !other.get().alive()) {
                throw new TakenException("output folder " + target + " belongs to a run that stopped before it finished ("
                        + other.get() + "); continue it with `nettwin run --resume " + target + "` or remove what it left with "
                        + "`nettwin clean " + parent + "`");
            }
            throw new TakenException("output folder " + target + " is being written by another run"
                    + other.map(c -> " (process " + c.pid() + " since " + c.started() + ")").orElse("") + "; choose another --out");
        } catch (java.nio.file.FileSystemException e) {
            if (created) {
                Files.deleteIfExists(claimFile); // e.g. a full disk: the claim was created but not written
            }
            throw new IOException("cannot create output folder " + target + ": " + (e.getReason() == null ? e.toString() : e.getReason()), e);
        } catch (IOException | RuntimeException e) {
            if (created) {
                Files.deleteIfExists(claimFile);
            }
            throw e;
        }
        try {
            Files.createDirectory(staging);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staging);
            Files.deleteIfExists(claimFile);
            throw e;
        }
        return new AtomicFolder(t, claimFile, staging, false);
    }

    /**
     * Takes over the claim of a run that stopped before it finished, with its staging folder as it
     * was left, to continue it.
     *
     * @throws TakenException if {@code target} exists (the run finished), or its claimer still runs
     * @throws NoSuchFileException if nothing claims {@code target}
     */
    public static AtomicFolder resume(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        if (Files.exists(t)) {
            throw new TakenException("output folder " + target + " is complete already; nothing to resume");
        }
        Claim c = read(t).orElseThrow(() -> new NoSuchFileException(target.toString(), null,
                "no unfinished run claims this folder (no " + claimFile(t).getFileName() + " beside it)"));
        if (c.alive()) {
            throw new TakenException("output folder " + target + " is still being written (process " + c.pid() + "); it cannot be resumed "
                    + "while that run lives");
        }
        if (!Files.isDirectory(c.staging())) {
            throw new NoSuchFileException(c.staging().toString(), null, "the unfinished run's staging folder is gone; remove its claim with "
                    + "`nettwin clean " + t.getParent() + "`");
        }
        write(c.file(), c.staging());
        return new AtomicFolder(t, c.file(), c.staging(), true);
    }

    /** @return the claim on {@code target}, if any (a claim still being written reads as empty) */
    public static Optional<Claim> read(Path target) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        Path file = claimFile(t);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        try {
            return Optional.of(new Claim(t, file, Long.parseLong(fields.get("pid")), fields.get("host"), Instant.parse(fields.get("started")),
                    t.getParent().resolve(fields.get("staging"))));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    /** @return the claims in {@code folder} whose runs stopped before they finished */
    public static List<Claim> stale(Path folder) throws IOException {
        List<Claim> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(".claim"))
                    .sorted().toList()) {
                String name = f.getFileName().toString();
                Path target = folder.resolve(name.substring(1, name.length() - ".claim".length()));
                read(target).filter(c -> !c.alive()).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Path claimFile(Path target) {
        return target.getParent().resolve("." + target.getFileName() + ".claim");
    }

    /** @return a claim's content: this process, its host and start, and the staging folder */
    private static String claimText(Path staging) {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElse(Instant.EPOCH);
        return "pid=" + self.pid() + "\nhost=" + hostName() + "\nstarted=" + started + "\nstaging=" + staging.getFileName() + "\n";
    }

    private static void write(Path claimFile, Path staging) throws IOException {
        Path tmp = claimFile.resolveSibling(claimFile.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.writeString(tmp, claimText(staging), StandardCharsets.UTF_8);
        Files.move(tmp, claimFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "localhost";
            }
        }
        return h;
    }

    /** @return the folder being written */
    public Path target() {
        return target;
    }

    /** @return the staging folder to write into */
    public Path staging() {
        return staging;
    }

    /** @return whether this continues a run that stopped (its staging folder holds what it wrote) */
    public boolean resumed() {
        return resumed;
    }

    /**
     * Publishes the folder and releases the claim.
     *
     * @throws TakenException if something appeared at the target meanwhile (it is left as it is)
     */
    public void commit() throws IOException {
        if (Files.exists(target)) {
            throw new TakenException("output folder " + target + " appeared while the run was writing; the results stay in " + staging);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically on this file system", e);
        }
        committed = true;
        Files.deleteIfExists(claim);
    }

    /** Abandons an uncommitted folder: deletes the staging folder and the claim. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
            Files.deleteIfExists(claim);
        }
    }

    /** Deletes a folder and everything in it. */
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
