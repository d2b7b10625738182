package org.nettwin.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The runs folder as a table: every run folder read once ({@link #load}), then sorted and filtered
 * in memory. Hidden entries (a run's staging folder and claim while it runs) are not runs.
 */
public final class RunsTable {

    /** The columns a person sorts by. */
    public enum Column {
        /** The folder's name. */
        NAME(Comparator.comparing(RunRow::name)),
        /** The experiment kind. */
        KIND(Comparator.comparing(RunRow::kind)),
        /** The scenario id. */
        SCENARIO(Comparator.comparing(RunRow::scenario)),
        /** The algorithm id. */
        ALGORITHM(Comparator.comparing(RunRow::algorithm)),
        /** The number of seeds. */
        SEEDS(Comparator.comparingInt(RunRow::seeds)),
        /** The first headline figure (rows without one last). */
        HEADLINE(Comparator.comparingDouble(RunsTable::firstFigure)),
        /** When the run finished. */
        DATE(Comparator.comparing(RunRow::date)),
        /** Finished or not. */
        STATUS(Comparator.comparing(RunRow::status));

        private final Comparator<RunRow> order;

        Column(Comparator<RunRow> order) {
            this.order = order;
        }

        /** @return ascending order of this column, ties broken by name */
        public Comparator<RunRow> order() {
            return order.thenComparing(RunRow::name);
        }
    }

    private final List<RunRow> rows;
    private final List<String> unreadable;

    private RunsTable(List<RunRow> rows, List<String> unreadable) {
        this.rows = rows;
        this.unreadable = unreadable;
    }

    /**
     * Reads every run folder of {@code runs} (none if it does not exist). A folder whose files cannot
     * be read is listed in {@link #unreadable()} with the reason, and never hides the others.
     */
    public static RunsTable load(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return new RunsTable(List.of(), List.of());
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(runs)) {
            folders = s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isDirectory(p)).toList();
        }
        List<RunRow> rows = new ArrayList<>(folders.size());
        List<String> unreadable = new ArrayList<>();
        for (Path f : folders) {
            try {
                rows.add(RunRow.read(f));
            } catch (IOException | RuntimeException e) {
                unreadable.add(f.getFileName() + ": " + e.getMessage());
            }
        }
        rows.sort(Column.DATE.order().reversed());
        return new RunsTable(List.copyOf(rows), List.copyOf(unreadable));
    }

    /** @return every row, newest first */
    public List<RunRow> rows() {
        return rows;
    }

    /** @return folders that could not be read, each with why */
    public List<String> unreadable() {
        return unreadable;
    }

    /** @return the rows that match {@code filter}, sorted by {@code column} */
    public List<RunRow> view(String filter, Column column, boolean ascending) {
        Comparator<RunRow> order = ascending ? column.order() : column.order().reversed();
        return rows.stream().filter(r -> r.matches(filter)).sorted(order).toList();
    }

    private static double firstFigure(RunRow r) {
        return r.headline().isEmpty() ? Double.NEGATIVE_INFINITY : r.headline().values().iterator().next();
    }
}
