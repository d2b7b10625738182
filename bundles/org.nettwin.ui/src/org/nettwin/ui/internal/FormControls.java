package org.nettwin.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nettwin.ui.model.FormField;

/**
 * Form fields as SWT controls in a two-column grid: a label (starred when required, the
 * description, range and default as tooltip) and a text field, or a drop-down for choices.
 */
final class FormControls {

    private FormControls() {
    }

    /**
     * Adds one row per field to {@code parent} (a two-column grid).
     *
     * @param idPrefix widget data id prefix ({@code wizard.scenario.}) for the end-to-end test
     * @return each field's current text, by name
     */
    static Map<String, Supplier<String>> add(Composite parent, List<FormField> fields, String idPrefix) {
        Map<String, Supplier<String>> texts = new LinkedHashMap<>();
        for (FormField f : fields) {
            Label label = new Label(parent, SWT.NONE);
            label.setText(f.label());
            label.setToolTipText(f.tooltip());
            if (!f.choices().isEmpty()) {
                Combo combo = new Combo(parent, SWT.READ_ONLY);
                combo.setItems(f.choices().toArray(String[]::new));
                combo.select(Math.max(0, f.choices().indexOf(f.initial())));
                combo.setToolTipText(f.tooltip());
                combo.setData("nettwin.id", idPrefix + f.name());
                combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                texts.put(f.name(), combo::getText);
            } else {
                Text text = new Text(parent, SWT.BORDER);
                text.setText(f.initial());
                text.setMessage(f.allowed());
                text.setToolTipText(f.tooltip());
                text.setData("nettwin.id", idPrefix + f.name());
                text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                texts.put(f.name(), text::getText);
            }
        }
        return texts;
    }
}
