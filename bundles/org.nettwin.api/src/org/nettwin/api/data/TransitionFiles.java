package org.nettwin.api.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a dataset file of either format, chosen by its name: {@code .csv} ({@link TransitionCsv})
 * or the binary {@code .ntds} ({@link TransitionBinary}).
 *
 * @since 0.1
 */
public final class TransitionFiles {

    /**
     * A dataset read from a file, with where each transition is in it.
     *
     * @param data  the transitions
     * @param where transition index → {@code FILE:LINE} (CSV) or {@code FILE: transition i} (binary)
     */
    public record Loaded(TransitionDataset data, IntFunction<String> where) {
    }

    private TransitionFiles() {
    }

    /**
     * @throws DatasetFormatException naming the file (and line or record) for a malformed dataset
     * @throws IOException            if it cannot be read
     */
    public static TransitionDataset read(Path file) throws IOException {
        return load(file).data();
    }

    /** As {@link #read}, keeping where each transition is, for messages about its values. */
    public static Loaded load(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".csv")) {
            List<Integer> lines = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                TransitionDataset data = TransitionCsv.read(in, file.toString(), lines);
                return new Loaded(data, i -> file + ":" + lines.get(i));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new DatasetFormatException(file + ":" + (lines.size() + 1) + " or after: the file is not UTF-8 text");
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return new Loaded(TransitionBinary.read(in, file.toString()), i -> file + ": transition " + i);
        }
    }
}
