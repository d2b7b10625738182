package org.nettwin.api.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV import and export of {@link TransitionDataset}s, so data from real networks can be brought
 * in and inspected in any tool.
 *
 * <p>Format: optional metadata lines {@code # key=value} (the reserved {@code # rows=N}, written
 * first, gives the number of transitions: a file cut short at a row boundary is refused), then a header
 * {@code episode,obs_0..obs_{n-1},act_0..act_{m-1},reward,next_0..next_{n-1},terminated,truncated}
 * (the number of {@code obs_}/{@code act_} columns gives the sizes), then one transition per line.
 * Booleans are {@code true/false} or {@code 1/0}. Numbers use {@code .} and are written so that
 * they read back to the same double.
 *
 * @since 0.1
 */
public final class TransitionCsv {

    private TransitionCsv() {
    }

    /** The reserved metadata key with the number of transitions, so a file cut at a row boundary is noticed. */
    static final String ROWS = "rows";

    /** Writes {@code data} as CSV, starting with {@code # rows=N}. */
    public static void write(TransitionDataset data, Writer out) throws IOException {
        out.write("# " + ROWS + "=" + data.size() + "\n");
        for (Map.Entry<String, String> e : data.metadata().entrySet()) {
            if (e.getKey().equals(ROWS)) {
                continue;
            }
            out.write("# " + escape(e.getKey()) + "=" + escape(e.getValue()) + "\n");
        }
        int n = data.observationSize();
        int m = data.actionSize();
        StringBuilder header = new StringBuilder("episode");
        for (int k = 0; k < n; k++) {
            header.append(",obs_").append(k);
        }
        for (int k = 0; k < m; k++) {
            header.append(",act_").append(k);
        }
        header.append(",reward");
        for (int k = 0; k < n; k++) {
            header.append(",next_").append(k);
        }
        header.append(",terminated,truncated\n");
        out.write(header.toString());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < data.size(); i++) {
            line.setLength(0);
            line.append(data.episode(i));
            for (int k = 0; k < n; k++) {
                line.append(',').append(data.observation(i, k));
            }
            for (int k = 0; k < m; k++) {
                line.append(',').append(data.action(i, k));
            }
            line.append(',').append(data.reward(i));
            for (int k = 0; k < n; k++) {
                line.append(',').append(data.nextObservation(i, k));
            }
            line.append(',').append(data.terminated(i)).append(',').append(data.truncated(i)).append('\n');
            out.write(line.toString());
        }
    }

    /**
     * Reads a dataset.
     *
     * @param source name of the source (file path), used in error messages
     * @throws DatasetFormatException naming the source, line and column of the first problem
     */
    public static TransitionDataset read(BufferedReader in, String source) throws IOException {
        return read(in, source, null);
    }

    /**
     * Reads a dataset, recording the line of each transition in {@code lines} (if not null) for
     * messages about its values.
     */
    static TransitionDataset read(BufferedReader in, String source, List<Integer> lines) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        Long declaredRows = null;
        String line;
        int lineNo = 0;
        String[] header = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) {
                int eq = separator(line);
                if (eq < 0) {
                    throw new DatasetFormatException(source + ":" + lineNo + ": metadata line must be '# key=value'");
                }
                String key = unescape(line.substring(1, eq).trim());
                String value = unescape(line.substring(eq + 1));
                if (key.equals(ROWS)) {
                    try {
                        declaredRows = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw new DatasetFormatException(source + ":" + lineNo + ": '# rows=' must give a whole number, got '" + value + "'");
                    }
                } else {
                    metadata.put(key, value);
                }
            } else if (!line.isBlank()) {
                header = line.split(",", -1);
                break;
            }
        }
        if (header == null) {
            throw new DatasetFormatException(source + ": no header line (episode,obs_0,...,act_0,...,reward,next_0,...,terminated,truncated)");
        }
        int n = count(header, "obs_");
        int m = count(header, "act_");
        List<String> expected = new ArrayList<>();
        expected.add("episode");
        for (int k = 0; k < n; k++) {
            expected.add("obs_" + k);
        }
        for (int k = 0; k < m; k++) {
            expected.add("act_" + k);
        }
        expected.add("reward");
        for (int k = 0; k < n; k++) {
            expected.add("next_" + k);
        }
        expected.add("terminated");
        expected.add("truncated");
        if (n == 0 || m == 0) {
            throw new DatasetFormatException(source + ":" + lineNo
                    + ": header needs at least one obs_ and one act_ column: episode,obs_0,...,act_0,...,reward,next_0,...,terminated,truncated");
        }
        if (!List.of(header).stream().map(String::trim).toList().equals(expected)) {
            throw new DatasetFormatException(source + ":" + lineNo + ": header must be " + String.join(",", expected));
        }
        TransitionDataset data = new TransitionDataset(n, m, metadata);
        double[] o = new double[n];
        double[] a = new double[m];
        double[] x = new double[n];
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != expected.size()) {
                throw new DatasetFormatException(source + ":" + lineNo + ": expected " + expected.size() + " fields, found " + f.length);
            }
            int c = 0;
            int ep = (int) number(f, c++, source, lineNo, expected, true);
            for (int k = 0; k < n; k++) {
                o[k] = number(f, c++, source, lineNo, expected, false);
            }
            for (int k = 0; k < m; k++) {
                a[k] = number(f, c++, source, lineNo, expected, false);
            }
            double r = number(f, c++, source, lineNo, expected, false);
            for (int k = 0; k < n; k++) {
                x[k] = number(f, c++, source, lineNo, expected, false);
            }
            boolean term = bool(f, c++, source, lineNo, expected);
            boolean trunc = bool(f, c, source, lineNo, expected);
            data.add(ep, o, a, r, x, term, trunc);
            if (lines != null) {
                lines.add(lineNo);
            }
        }
        if (declaredRows != null && declaredRows != data.size()) {
            throw new DatasetFormatException(source + ": the file says it holds " + declaredRows + " transitions (# rows=) but has "
                    + data.size() + (data.size() < declaredRows ? "; it was cut short" : ""));
        }
        return data;
    }

    private static int count(String[] header, String prefix) {
        int c = 0;
        for (String h : header) {
            c += h.trim().startsWith(prefix) ? 1 : 0;
        }
        return c;
    }

    private static double number(String[] f, int c, String source, int line, List<String> names, boolean whole)
            throws DatasetFormatException {
        try {
            double v = Double.parseDouble(f[c].trim());
            if (!Double.isFinite(v) || (whole && v != Math.rint(v))) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(source + ":" + line + ": column " + (c + 1) + " (" + names.get(c) + "): '" + f[c]
                    + "' is not a " + (whole ? "whole" : "finite") + " number");
        }
    }

    private static boolean bool(String[] f, int c, String source, int line, List<String> names) throws DatasetFormatException {
        return switch (f[c].trim()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new DatasetFormatException(source + ":" + line + ": column " + (c + 1) + " (" + names.get(c) + "): '" + f[c]
                    + "' is not true/false/1/0");
        };
    }

    /** @return the index of the first {@code =} that is not escaped, or -1 */
    private static int separator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '=' -> b.append("\\=");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
