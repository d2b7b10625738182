package org.nettwin.lab.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.csv} in long form, {@code seed,step,metric,value}: one row per measured value,
 * in the order measured. Numbers are written with {@link Double#toString}, so the same run gives
 * the same bytes. It also keeps the episode returns for the plot and summary.
 */
final class MetricsCsv implements AutoCloseable {

    static final String HEADER = "seed,step,metric,value";

    private final BufferedWriter out;
    private final Map<Long, List<double[]>> episodeReturns = new LinkedHashMap<>();

    MetricsCsv(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write('\n');
    }

    void row(long seed, long step, String metric, double value) {
        try {
            out.write(Long.toString(seed));
            out.write(',');
            out.write(Long.toString(step));
            out.write(',');
            out.write(metric);
            out.write(',');
            out.write(Double.toString(value));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics.csv", e);
        }
    }

    void episode(long seed, long step, double episodeReturn, int length) {
        row(seed, step, "episode_return", episodeReturn);
        row(seed, step, "episode_length", length);
        episodeReturns.computeIfAbsent(seed, s -> new ArrayList<>()).add(new double[] {step, episodeReturn});
    }

    /** @return (step, return) pairs of the seed's learning episodes */
    List<double[]> episodes(long seed) {
        return episodeReturns.getOrDefault(seed, List.of());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
