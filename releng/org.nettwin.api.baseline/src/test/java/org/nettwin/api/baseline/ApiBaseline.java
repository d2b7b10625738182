package org.nettwin.api.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Type;
import aQute.bnd.version.Version;

/**
 * Compares the exported packages of a bundle with its baseline, using bnd's differ (which reads
 * the class files and {@code @ProviderType}/{@code @ConsumerType}: a method added to a consumer
 * type breaks consumers, to a provider type only providers), and says which package changed how
 * without the version it needs.
 *
 * <p>Why not bnd's own verdict ({@code Info.mismatch}, which tycho-baseline-plugin and
 * bnd-baseline-maven-plugin report): bnd treats every package below 1.0.0 as "initial
 * development" and never reports one, and every NetTwin package is 0.x. Here a 0.x package follows
 * the rule its importers' ranges ({@code [0.1,0.2)}) already assume: the minor digit is the breaking
 * one. So for {@code 0.m.u}: a change that breaks consumers (bnd: MAJOR) needs {@code 0.(m+1).0}, an
 * addition that only providers must follow (MINOR) needs {@code 0.m.(u+1)}; from 1.0.0 on, bnd's
 * usual rule (MAJOR: major+1, MINOR: minor+1, MICRO: micro+1). A package removed from the exports
 * always fails: every importer breaks, whatever the version.
 */
final class ApiBaseline {

    private static final int MAX_CHANGES_SHOWN = 8;

    private ApiBaseline() {
    }

    /** @return one message per package of {@code newer} whose version is too low for its change, empty if none */
    static List<String> problems(Jar newer, Jar older) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Processor processor = new Processor()) {
            Baseline baseline = new Baseline(processor, new DiffPluginImpl());
            List<Info> infos = new ArrayList<>(baseline.baseline(newer, older, null));
            infos.sort(Comparator.comparing(i -> i.packageName));
            for (Info info : infos) {
                Delta delta = info.packageDiff.getDelta();
                if (delta == Delta.REMOVED) {
                    problems.add(info.packageName + ": REMOVED — the baseline exports it at " + info.olderVersion
                            + "; every bundle that imports it breaks. Export it again, or re-baseline at a release that changes the importers");
                    continue;
                }
                if (delta == Delta.UNCHANGED || delta == Delta.ADDED || delta == Delta.IGNORED) {
                    continue;
                }
                Version needed = required(delta, info.olderVersion);
                if (info.newerVersion.compareTo(needed) < 0) {
                    problems.add(info.packageName + ": " + delta + " change — version " + info.newerVersion + " must be at least " + needed
                            + (delta == Delta.MAJOR ? " (it breaks the package's consumers)" : " (providers of its interfaces must follow)")
                            + changes(info.packageDiff));
                }
            }
        }
        return problems;
    }

    /** The lowest version a package at {@code old} needs after a change of {@code delta}. */
    static Version required(Delta delta, Version old) {
        if (old.getMajor() == 0) { // initial development: importers take [0.m, 0.(m+1)), so the minor digit breaks
            return switch (delta) {
                case MAJOR -> new Version(0, old.getMinor() + 1, 0);
                case MINOR -> new Version(0, old.getMinor(), old.getMicro() + 1);
                default -> old;
            };
        }
        return switch (delta) {
            case MAJOR -> new Version(old.getMajor() + 1, 0, 0);
            case MINOR -> new Version(old.getMajor(), old.getMinor() + 1, 0);
            case MICRO -> new Version(old.getMajor(), old.getMinor(), old.getMicro() + 1);
            default -> old;
        };
    }

    /** The changed types of a package, each with its changed members: "interface a.B: ADDED method c()". */
    private static String changes(Diff packageDiff) {
        List<String> lines = new ArrayList<>();
        for (Diff type : packageDiff.getChildren()) {
            if (!changed(type) || !isType(type.getType())) {
                continue;
            }
            String name = type.getType().toString().toLowerCase(java.util.Locale.ROOT) + " " + type.getName();
            if (type.getDelta() == Delta.ADDED || type.getDelta() == Delta.REMOVED) {
                lines.add(type.getDelta() + " " + name);
                continue;
            }
            List<String> members = new ArrayList<>();
            for (Diff member : type.getChildren()) {
                if (changed(member)) {
                    members.add(member.getDelta() + " " + member.getType().toString().toLowerCase(java.util.Locale.ROOT) + " " + member.getName());
                }
            }
            lines.add(name + (members.isEmpty() ? " " + type.getDelta() : ": " + String.join(", ", members)));
        }
        if (lines.size() > MAX_CHANGES_SHOWN) {
            int more = lines.size() - MAX_CHANGES_SHOWN;
            lines = new ArrayList<>(lines.subList(0, MAX_CHANGES_SHOWN));
            lines.add("... and " + more + " more");
        }
        return lines.isEmpty() ? "" : "\n      " + String.join("\n      ", lines);
    }

    private static boolean changed(Diff d) {
        return d.getDelta() != Delta.UNCHANGED && d.getDelta() != Delta.IGNORED;
    }

    private static boolean isType(Type t) {
        return t == Type.CLASS || t == Type.INTERFACE || t == Type.ENUM || t == Type.ANNOTATION;
    }
}
