package org.nettwin.api.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.ReportContext;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.experiment.Unit;
import org.nettwin.api.experiment.UnitContext;
import org.nettwin.api.experiment.UnitData;
import org.nettwin.api.experiment.UnitResult;

/**
 * Checks an {@link ExperimentKind} against its contract on a small valid {@link TestPlan} (and,
 * with {@link #refuses}, on an invalid one); a failed check throws an {@link AssertionError}
 * listing every problem found.
 *
 * <ol>
 * <li>the descriptor has a title and a description; the sections have distinct names other than
 * the common fields ({@code name}, {@code description}, {@code type}, {@code seeds}), and every
 * section's schema documents its parameters, accepts its defaults and refuses values outside its
 * ranges and unknown fields at the field;</li>
 * <li>{@code prepare} accepts the valid plan (no problem recorded) and returns a study whose units
 * have distinct keys;</li>
 * <li>each unit run twice, on studies prepared from two plans of the same sections, gives the same
 * metric rows, data and files, byte for byte (same seed, same bytes); progress never goes back nor
 * past the unit's work;</li>
 * <li>the report of those results is the same both times and its summary holds only JSON values
 * (numbers, text, booleans, lists, maps).</li>
 * </ol>
 * Keep the plan small (few seeds, short budgets): every unit runs twice.
 *
 * @since 0.1
 */
public final class ExperimentKindConformance {

    private static final Set<String> COMMON_FIELDS = Set.of("name", "description", "type", "seeds");

    private ExperimentKindConformance() {
    }

    /**
     * Checks {@code kind} on the plan {@code valid} builds (built twice: two independent studies).
     *
     * @throws AssertionError listing every problem found; its cause is the first exception thrown
     */
    public static void check(ExperimentKind kind, TestPlan.Builder valid) {
        Report report = new Report();
        run(kind, valid, report);
        report.throwIfAny("Experiment kind " + AlgorithmConformance.name(kind));
    }

    /** @return the problems {@link #check} would report */
    public static List<String> problems(ExperimentKind kind, TestPlan.Builder valid) {
        Report report = new Report();
        run(kind, valid, report);
        return report.problems();
    }

    /**
     * Checks that {@code prepare} refuses the plan {@code invalid} builds, returning no study, with a
     * problem at {@code path} (or inside it, {@code path.…}) — a setting only the kind can judge,
     * such as a scenario it cannot run.
     *
     * @throws AssertionError if the plan is accepted or refused elsewhere
     */
    public static void refuses(ExperimentKind kind, TestPlan.Builder invalid, String path) {
        TestPlan plan = invalid.build();
        if (!plan.valid()) {
            throw new AssertionError("the plan is refused before prepare (by its schemas): " + plan.problems()
                    + "; give a plan only the kind itself can refuse");
        }
        Study study;
        try {
            study = kind.prepare(plan);
        } catch (RuntimeException e) {
            throw new AssertionError("prepare threw instead of recording a problem at " + path + ": " + Render.failure(e), e);
        }
        boolean located = plan.problems().stream().anyMatch(p -> p.startsWith(path + ": ") || p.startsWith(path + "."));
        if (study != null || !located) {
            throw new AssertionError("prepare " + (study != null ? "returned a study" : "returned no study") + " with the problems "
                    + plan.problems() + "; expected a refusal located at " + path);
        }
    }

    private static void run(ExperimentKind kind, TestPlan.Builder valid, Report report) {
        if (!PluginChecks.plugin(kind, report) || !sections(kind, report)) {
            return;
        }
        Study a = prepare(kind, valid, report, "first");
        Study b = prepare(kind, valid, report, "second");
        if (a == null || b == null) {
            return;
        }
        List<Unit> units;
        try {
            units = a.units();
            if (units == null || units.isEmpty()) {
                report.add("units() returned no unit; a study has at least one");
                return;
            }
            if (!units.equals(b.units())) {
                report.add("two studies prepared from the same sections have different units: " + units + " and " + b.units());
                return;
            }
        } catch (RuntimeException e) {
            report.add("units() threw", e);
            return;
        }
        Set<String> keys = new HashSet<>();
        units.stream().filter(u -> !keys.add(u.key())).forEach(u -> report.add("two units have the key '" + u.key() + "'"));
        List<UnitResult> first = new ArrayList<>();
        List<UnitResult> second = new ArrayList<>();
        for (Unit unit : units) {
            Ran x = run(a, unit, report);
            Ran y = run(b, unit, report);
            if (x == null || y == null) {
                return;
            }
            if (!x.context.rows.equals(y.context.rows)) {
                report.add("not reproducible: unit " + unit.key() + " (seed " + unit.seed() + ") gave other metric rows the second time: "
                        + firstDifference(x.context.rows, y.context.rows));
            }
            if (!x.data.equals(y.data)) {
                report.add("not reproducible: unit " + unit.key() + " returned other data the second time");
            }
            if (!x.context.files().equals(y.context.files())) {
                report.add("not reproducible: unit " + unit.key() + " wrote other files the second time (" + x.context.files().keySet() + ")");
            }
            first.add(new UnitResult(unit, List.copyOf(x.context.rows), x.data, 0));
            second.add(new UnitResult(unit, List.copyOf(y.context.rows), y.data, 0));
        }
        org.nettwin.api.experiment.Report r = report(a, first, report);
        org.nettwin.api.experiment.Report s = report(b, second, report);
        if (r != null && s != null && (!r.summary().equals(s.summary()) || !r.lines().equals(s.lines()))) {
            report.add("not reproducible: the same results gave another report the second time: " + r.lines() + " / " + s.lines());
        }
        if (r != null) {
            json("summary", r.summary(), report);
        }
    }

    private static boolean sections(ExperimentKind kind, Report report) {
        List<Section> sections;
        try {
            sections = kind.sections();
        } catch (RuntimeException e) {
            report.add("sections() threw", e);
            return false;
        }
        if (sections == null) {
            report.add("sections() returned null");
            return false;
        }
        Set<String> names = new HashSet<>();
        for (Section s : sections) {
            if (COMMON_FIELDS.contains(s.name())) {
                report.add("section '" + s.name() + "' clashes with a field every experiment file has");
            }
            if (!names.add(s.name())) {
                report.add("two sections are named '" + s.name() + "'");
            }
            if (s.description().isBlank()) {
                report.add("section '" + s.name() + "' has no description; `nettwin list --verbose` and errors show it");
            }
            switch (s) {
                case Section.Plugin p -> PluginChecks.schema(p.settings(), "section " + p.name(), report);
                case Section.Settings st -> PluginChecks.schema(st.schema(), "section " + st.name(), report);
            }
        }
        return true;
    }

    private static Study prepare(ExperimentKind kind, TestPlan.Builder valid, Report report, String which) {
        TestPlan plan = valid.build();
        if (!plan.valid()) {
            report.add("the test plan itself is invalid: " + plan.problems());
            return null;
        }
        try {
            Study study = kind.prepare(plan);
            if (!plan.valid()) {
                report.add("prepare refused the valid plan: " + plan.problems());
                return null;
            }
            if (study == null) {
                report.add("prepare returned no study and recorded no problem; a refusal must say why");
            }
            return study;
        } catch (RuntimeException e) {
            report.add("the " + which + " prepare threw", e);
            return null;
        }
    }

    private record Ran(RecordingContext context, UnitData data) {
    }

    private static Ran run(Study study, Unit unit, Report report) {
        RecordingContext context = new RecordingContext(unit, report);
        try {
            UnitData data = study.run(unit, context);
            if (data == null) {
                report.add("unit " + unit.key() + " returned null data; return new UnitData() if there is nothing to report");
                return null;
            }
            return new Ran(context, data);
        } catch (Exception e) {
            report.add("unit " + unit.key() + " (seed " + unit.seed() + ") threw", e);
            return null;
        }
    }

    private static org.nettwin.api.experiment.Report report(Study study, List<UnitResult> results, Report report) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("testkit-report");
            Path in = folder;
            org.nettwin.api.experiment.Report r = study.report(results, new ReportContext() {
                @Override
                public Path folder() {
                    return in;
                }

                @Override
                public double wallSeconds() {
                    return 0;
                }
            });
            if (r == null || r.summary() == null) {
                report.add("report returned " + (r == null ? "null" : "a null summary"));
                return null;
            }
            return r;
        } catch (IOException | RuntimeException e) {
            report.add("report threw", e);
            return null;
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not the kind's problem
        }
    }

    private static void json(String path, Object value, Report report) {
        switch (value) {
            case null -> {
            }
            case Number n -> {
            }
            case String s -> {
            }
            case Boolean b -> {
            }
            case Map<?, ?> m -> m.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    report.add(path + " has a key that is not text: " + k);
                }
                json(path + "." + k, v, report);
            });
            case List<?> l -> {
                for (int i = 0; i < l.size(); i++) {
                    json(path + "[" + i + "]", l.get(i), report);
                }
            }
            default -> report.add(path + " is a " + value.getClass().getName() + "; a summary holds numbers, text, booleans, lists and maps");
        }
    }

    private static String firstDifference(List<MetricRow> a, List<MetricRow> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "row " + i + ": " + a.get(i) + " then " + b.get(i);
            }
        }
        return a.size() + " rows then " + b.size();
    }

    /** Records what a unit reports; checks its progress. */
    private static final class RecordingContext implements UnitContext {

        final List<MetricRow> rows = new ArrayList<>();
        private final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        private final Unit unit;
        private final Report report;
        private long progress;
        private byte[] checkpoint;

        RecordingContext(Unit unit, Report report) {
            this.unit = unit;
            this.report = report;
        }

        Map<String, List<Byte>> files() {
            Map<String, List<Byte>> out = new LinkedHashMap<>();
            files.forEach((name, bytes) -> {
                List<Byte> list = new ArrayList<>();
                for (byte x : bytes.toByteArray()) {
                    list.add(x);
                }
                out.put(name, list);
            });
            return out;
        }

        @Override
        public void metric(long step, String metric, double value) {
            if (metric == null || metric.isBlank()) {
                report.recurring("metric-name", "unit " + unit.key() + " reported a metric without a name at step " + step);
            }
            rows.add(new MetricRow(step, metric, value));
        }

        @Override
        public void progress(long done) {
            if (done < progress || done > unit.work()) {
                report.recurring("progress/" + unit.key(), "unit " + unit.key() + " reported progress " + done + " after " + progress
                        + "; progress goes from 0 to its work, " + unit.work() + ", never back");
            }
            progress = done;
        }

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public OutputStream file(String name) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.put(name, out);
            return out;
        }

        @Override
        public Optional<byte[]> checkpoint() {
            return Optional.ofNullable(checkpoint);
        }

        @Override
        public void saveCheckpoint(byte[] state) {
            checkpoint = state.clone();
        }
    }
}
