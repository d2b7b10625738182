package org.nettwin.ui.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code metrics.csv} ({@code seed,step,metric,value}, the lab's long form) as curves: one
 * per metric and seed, in the file's order.
 */
public final class MetricsTable {

    private final Map<String, Map<Long, Points>> byMetric;

    private MetricsTable(Map<String, Map<Long, Points>> byMetric) {
        this.byMetric = byMetric;
    }

    /**
     * Reads a {@code metrics.csv}.
     *
     * @throws IOException naming the file and line of a malformed row
     */
    public static MetricsTable read(Path csv) throws IOException {
        Map<String, Map<Long, Points>> byMetric = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.equals("seed,step,metric,value")) {
                throw new IOException(csv + ":1: not a metrics.csv (header seed,step,metric,value expected)");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                int c = line.lastIndexOf(',');
                if (a < 0 || b < 0 || c <= b) {
                    throw new IOException(csv + ":" + number + ": expected seed,step,metric,value");
                }
                try {
                    long seed = Long.parseLong(line, 0, a, 10);
                    double step = Long.parseLong(line, a + 1, b, 10);
                    String metric = line.substring(b + 1, c);
                    double value = Double.parseDouble(line.substring(c + 1));
                    byMetric.computeIfAbsent(metric, m -> new LinkedHashMap<>()).computeIfAbsent(seed, s -> new Points()).add(step, value);
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return new MetricsTable(byMetric);
    }

    /** @return the metrics measured, in the order first seen */
    public List<String> metrics() {
        return List.copyOf(byMetric.keySet());
    }

    /** @return one curve per seed of {@code metric}, labelled {@code prefix + "seed N"} */
    public List<Series> series(String metric, String prefix) {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Long, Points> e : byMetric.getOrDefault(metric, Map.of()).entrySet()) {
            out.add(e.getValue().toSeries(prefix + "seed " + e.getKey()));
        }
        return out;
    }

    /** @return the metric a chart shows first: the first whose name says return or reward, else the first */
    public String preferredMetric() {
        return preferred(metrics());
    }

    /** @return the first of {@code metrics} whose name says return or reward, else the first, else empty */
    public static String preferred(List<String> metrics) {
        for (String m : metrics) {
            if (m.contains("return") || m.contains("reward")) {
                return m;
            }
        }
        return metrics.isEmpty() ? "" : metrics.get(0);
    }
}
