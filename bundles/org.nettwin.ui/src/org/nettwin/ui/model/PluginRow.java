package org.nettwin.ui.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;

/**
 * One line of the plugins view: a working plugin or a failed one.
 *
 * @param group       the catalog's kind key ({@code scenarios}, {@code algorithms}, ...) or {@code failed}
 * @param kind        the plugin kind, {@code null} for a failed plugin
 * @param id          the plugin id (a failed plugin's may be empty)
 * @param title       its short name, or the error of a failed plugin
 * @param bundle      its bundle
 * @param version     its bundle's version
 * @param description what it is; for a failed plugin the full account (stack trace) and the jar it came from
 * @param failed      whether it does not work
 */
public record PluginRow(String group, PluginKind kind, String id, String title, String bundle, String version, String description, boolean failed) {

    /** The group of plugins that do not work. */
    public static final String FAILED = "failed";

    /** @return the rows of a catalog: working plugins by kind and id, then the failed ones */
    public static List<PluginRow> of(List<PluginEntry> entries, List<FailedPlugin> failed) {
        List<PluginRow> rows = new ArrayList<>();
        entries.stream().sorted(Comparator.comparing(PluginEntry::kind).thenComparing(PluginEntry::id))
                .forEach(e -> rows.add(new PluginRow(e.kind().key(), e.kind(), e.id(), e.title(), e.bundle(), e.version(), e.description(), false)));
        for (FailedPlugin f : failed) {
            String where = f.source().isEmpty() ? "" : "from " + f.source() + "\n\n";
            rows.add(new PluginRow(FAILED, null, f.id(), f.error(), f.bundle(), f.version(), where + (f.detail().isEmpty() ? f.error() : f.detail()),
                    true));
        }
        return rows;
    }

    /** @return the groups in the order the view shows them: every kind, then failed */
    public static List<String> groups() {
        List<String> g = new ArrayList<>();
        for (PluginKind k : PluginKind.values()) {
            g.add(k.key());
        }
        g.add(FAILED);
        return g;
    }

    /** @return the view's one-line label: {@code id — title}, or the error of a failed plugin */
    public String label() {
        String who = id.isEmpty() ? bundle : id;
        return who + (title.isEmpty() ? "" : " — " + title);
    }

    /** @return the schema of a working plugin as text lines: name, type, default, allowed values, description */
    public static String schemaText(List<FormField> fields) {
        if (fields.isEmpty()) {
            return "(no parameters)";
        }
        StringBuilder s = new StringBuilder();
        for (FormField f : fields) {
            s.append(f.label()).append("  ").append(f.type().name().toLowerCase(java.util.Locale.ROOT));
            if (!f.initial().isEmpty()) {
                s.append("  default ").append(f.initial());
            }
            if (!f.allowed().isEmpty()) {
                s.append("  ").append(f.allowed());
            }
            s.append('\n');
            if (!f.description().isEmpty()) {
                s.append("    ").append(f.description()).append('\n');
            }
        }
        return s.toString();
    }
}
