package org.nettwin.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run folder as a row of the runs table: what ran ({@code experiment.json}) and its headline
 * figures ({@code summary.json}'s top-level numbers).
 *
 * @param folder    the run folder
 * @param name      the folder's name
 * @param kind      the experiment kind ({@code type})
 * @param scenario  the scenario id, empty when the kind has none
 * @param algorithm the algorithm id, empty when the kind has none
 * @param seeds     how many seeds
 * @param headline  the summary's top-level numbers (not {@code wall_seconds}), in its order
 * @param date      when the run finished (the summary's modification time)
 * @param status    {@code finished}, or {@code incomplete} when the folder has no summary
 * @param seconds   the run's wall time from the summary, or NaN
 */
public record RunRow(Path folder, String name, String kind, String scenario, String algorithm, int seeds, Map<String, Double> headline,
        Instant date, String status, double seconds) {

    /** Status of a folder with a summary. */
    public static final String FINISHED = "finished";
    /** Status of a folder without one. */
    public static final String INCOMPLETE = "incomplete";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the row of a run folder; a folder that is not a finished run gives an incomplete row */
    public static RunRow read(Path folder) throws IOException {
        Path summaryFile = folder.resolve("summary.json");
        Path experimentFile = folder.resolve("experiment.json");
        String name = folder.getFileName().toString();
        if (!Files.isRegularFile(summaryFile)) {
            Instant date = Files.getLastModifiedTime(folder).toInstant();
            return new RunRow(folder, name, "", "", "", 0, Map.of(), date, INCOMPLETE, Double.NaN);
        }
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        JsonNode experiment = Files.isRegularFile(experimentFile) ? JSON.readTree(experimentFile.toFile()) : JSON.createObjectNode();
        String kind = text(summary, "type", text(experiment, "type", ""));
        String scenario = pluginId(experiment, "scenario", text(summary, "scenario", ""));
        String algorithm = pluginId(experiment, "algorithm", text(summary, "algorithm", ""));
        int seeds = experiment.path("seeds").isArray() ? experiment.path("seeds").size() : 0;
        Map<String, Double> headline = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : summary.properties()) {
            if (f.getValue().isNumber() && !f.getKey().equals("wall_seconds")) {
                headline.put(f.getKey(), f.getValue().asDouble());
            }
        }
        double seconds = summary.path("wall_seconds").isNumber() ? summary.path("wall_seconds").asDouble() : Double.NaN;
        return new RunRow(folder, name, kind, scenario, algorithm, seeds, headline, Files.getLastModifiedTime(summaryFile).toInstant(), FINISHED,
                seconds);
    }

    /** @return the row's headline figures as text, {@code eval_return_mean=12.5 ...}, at most {@code max} of them */
    public String headlineText(int max) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : headline.entrySet()) {
            if (parts.size() == max) {
                break;
            }
            parts.add(e.getKey() + "=" + number(e.getValue()));
        }
        return String.join("  ", parts);
    }

    /** @return whether every word of {@code filter} occurs in one of the row's texts (case-insensitive) */
    public boolean matches(String filter) {
        String all = (name + " " + kind + " " + scenario + " " + algorithm + " " + status).toLowerCase(java.util.Locale.ROOT);
        for (String word : filter.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !all.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** @return a number with four significant digits, as tables show it */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : otherwise;
    }

    /** The plugin id of a section of the resolved experiment ({@code {"id": ...}}), or {@code otherwise}. */
    private static String pluginId(JsonNode experiment, String section, String otherwise) {
        JsonNode s = experiment.path(section);
        return s.path("id").isTextual() ? s.path("id").asText() : otherwise;
    }
}
