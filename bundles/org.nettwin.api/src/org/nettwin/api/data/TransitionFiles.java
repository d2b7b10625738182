package org.nettwin.api.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a dataset file of either format, chosen by its name: {@code .csv} ({@link TransitionCsv})
 * or the binary {@code .ntds} ({@link TransitionBinary}).
 *
 * @since 0.1
 */
public final class TransitionFiles {

    private TransitionFiles() {
    }

    /**
     * @throws DatasetFormatException naming the file (and line or record) for a malformed dataset
     * @throws IOException            if it cannot be read
     */
    public static TransitionDataset read(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".csv")) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return TransitionCsv.read(in, file.toString());
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return TransitionBinary.read(in, file.toString());
        }
    }
}
