package org.nettwin.lab.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.UnitResult;

/**
 * {@code metrics.csv} in long form, {@code seed,step,metric,value}: every unit's rows, units in
 * the study's order, rows in the order measured. Numbers are written with
 * {@link Double#toString}, so the same run gives the same bytes.
 */
final class MetricsCsv {

    static final String HEADER = "seed,step,metric,value";

    private MetricsCsv() {
    }

    static void write(Path file, List<UnitResult> results) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (UnitResult r : results) {
                String seed = Long.toString(r.unit().seed());
                for (MetricRow row : r.metrics()) {
                    out.write(seed);
                    out.write(',');
                    out.write(Long.toString(row.step()));
                    out.write(',');
                    out.write(row.metric());
                    out.write(',');
                    out.write(Double.toString(row.value()));
                    out.write('\n');
                }
            }
        }
    }
}
