package org.nettwin.lab.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;
import org.nettwin.api.io.AtomicFiles;
import org.nettwin.api.io.AtomicFolder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a run keeps in its staging folder, under {@code .run/}, so that a run killed at any point
 * can be resumed: the experiment file as it was read (and the seeds it ran), the versions of the
 * plugins it used, every finished unit's result and every unfinished unit's last checkpoint, each
 * file written atomically. Removed before the folder is published.
 */
final class RunStore {

    static final String DIR = ".run";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RESULT_MAGIC = 0x4E545552; // "NTUR": a unit result
    private static final int CHECKPOINT_MAGIC = 0x4E545543; // "NTUC": a unit checkpoint

    /** What a resumed run needs to read its experiment again. */
    record Source(Path file, byte[] content, List<Long> seeds, Map<String, String> bundles) {
    }

    /** A unit's last checkpoint: its rows up to it and its own state. */
    record Checkpoint(List<MetricRow> rows, byte[] state) {
    }

    private final Path dir;

    private RunStore(Path dir) {
        this.dir = dir;
    }

    static RunStore create(Path staging, Source source) throws IOException {
        RunStore store = new RunStore(staging.resolve(DIR));
        Files.createDirectories(store.dir.resolve("units"));
        Files.createDirectories(store.dir.resolve("checkpoints"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", source.file().toAbsolutePath().normalize().toString());
        m.put("seeds", source.seeds());
        m.put("bundles", source.bundles());
        AtomicFiles.write(store.dir.resolve("experiment-file"), source.content());
        AtomicFiles.write(store.dir.resolve("source.json"), JSON.writeValueAsBytes(m));
        return store;
    }

    static RunStore open(Path staging) throws IOException {
        RunStore store = new RunStore(staging.resolve(DIR));
        if (!Files.isRegularFile(store.dir.resolve("source.json"))) {
            throw new NoSuchFileException(store.dir.resolve("source.json").toString(), null,
                    "the unfinished run left no record of its experiment (it was stopped before it started)");
        }
        return store;
    }

    @SuppressWarnings("unchecked")
    Source source() throws IOException {
        Map<String, Object> m = JSON.readValue(dir.resolve("source.json").toFile(), Map.class);
        List<Long> seeds = new ArrayList<>();
        for (Object s : (List<?>) m.get("seeds")) {
            seeds.add(((Number) s).longValue());
        }
        return new Source(Path.of((String) m.get("file")), Files.readAllBytes(dir.resolve("experiment-file")), seeds,
                (Map<String, String>) m.get("bundles"));
    }

    /** Saves a finished unit's result (and forgets its checkpoint). */
    void saveResult(UnitResult r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(RESULT_MAGIC);
            writeRows(out, r.metrics());
            out.writeDouble(r.wallSeconds());
            byte[] data = JSON.writeValueAsBytes(r.data().asMap());
            out.writeInt(data.length);
            out.write(data);
        }
        AtomicFiles.write(resultFile(r.unit()), bytes.toByteArray());
        Files.deleteIfExists(checkpointFile(r.unit()));
    }

    /** @return the saved result of a unit that finished before the run was killed */
    @SuppressWarnings("unchecked")
    Optional<UnitResult> result(Unit unit) throws IOException {
        Path f = resultFile(unit);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            check(in, RESULT_MAGIC, f);
            List<MetricRow> rows = readRows(in);
            double wall = in.readDouble();
            byte[] data = in.readNBytes(in.readInt());
            return Optional.of(new UnitResult(unit, rows, UnitData.of(JSON.readValue(data, Map.class)), wall));
        }
    }

    void saveCheckpoint(Unit unit, List<MetricRow> rows, byte[] state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(CHECKPOINT_MAGIC);
            writeRows(out, rows);
            out.writeInt(state.length);
            out.write(state);
        }
        AtomicFiles.write(checkpointFile(unit), bytes.toByteArray());
    }

    Optional<Checkpoint> checkpoint(Unit unit) throws IOException {
        Path f = checkpointFile(unit);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            check(in, CHECKPOINT_MAGIC, f);
            List<MetricRow> rows = readRows(in);
            return Optional.of(new Checkpoint(rows, in.readNBytes(in.readInt())));
        }
    }

    /** Removes the store (before the run folder is published). */
    void delete() throws IOException {
        if (Files.exists(dir)) {
            AtomicFolder.deleteTree(dir);
        }
    }

    private Path resultFile(Unit unit) {
        return dir.resolve("units").resolve(unit.key() + ".result");
    }

    private Path checkpointFile(Unit unit) {
        return dir.resolve("checkpoints").resolve(unit.key() + ".checkpoint");
    }

    private static void check(DataInputStream in, int magic, Path f) throws IOException {
        if (in.readInt() != magic) {
            throw new IOException(f + " is not what this run wrote; the unfinished run cannot be resumed");
        }
    }

    private static void writeRows(DataOutputStream out, List<MetricRow> rows) throws IOException {
        out.writeInt(rows.size());
        for (MetricRow r : rows) {
            out.writeLong(r.step());
            out.writeUTF(r.metric());
            out.writeDouble(r.value());
        }
    }

    private static List<MetricRow> readRows(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<MetricRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new MetricRow(in.readLong(), in.readUTF(), in.readDouble()));
        }
        return rows;
    }
}
