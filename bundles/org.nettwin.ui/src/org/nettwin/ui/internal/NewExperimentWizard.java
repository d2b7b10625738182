package org.nettwin.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.Section;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;
import org.nettwin.ui.model.ExperimentDraft;
import org.nettwin.ui.model.FormField;
import org.nettwin.ui.model.SchemaForm;

/**
 * The new-experiment wizard: a name and an experiment kind, then a form generated from the kind's
 * sections and the chosen plugins' schemas (pick scenario, algorithm, twin ...; every parameter with
 * its range and default). Finish writes the experiment file; the editor then checks it with the lab.
 */
public final class NewExperimentWizard extends Wizard {

    private final PluginCatalog catalog;
    private final Path folder;
    private Path created;

    /** @param folder where the file is written ({@code NAME.json}) */
    public NewExperimentWizard(PluginCatalog catalog, Path folder) {
        this.catalog = catalog;
        this.folder = folder;
        setWindowTitle("New experiment");
        addPage(new Page());
    }

    /** @return the file written, or {@code null} before Finish */
    public Path created() {
        return created;
    }

    private final class Page extends WizardPage {

        private Text name;
        private Combo kind;
        private Text seeds;
        private Composite form;
        private ScrolledComposite scroll;
        /** section -> (plugin id combo or null, field texts) */
        private final Map<Section, Supplier<String>> pluginChoice = new LinkedHashMap<>();
        private final Map<Section, Map<String, Supplier<String>>> fieldTexts = new LinkedHashMap<>();
        private final Map<Section, List<FormField>> fields = new LinkedHashMap<>();

        Page() {
            super("experiment");
            setTitle("New experiment");
            setDescription("Name it, pick its kind and plugins; every field shows its range and default (hover a label for its docs).");
        }

        @Override
        public void createControl(Composite parent) {
            Composite top = new Composite(parent, SWT.NONE);
            top.setLayout(new GridLayout(2, false));
            new Label(top, SWT.NONE).setText("Name *");
            name = new Text(top, SWT.BORDER);
            name.setData("nettwin.id", "wizard.name");
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            name.addListener(SWT.Modify, e -> validate());
            new Label(top, SWT.NONE).setText("Kind");
            kind = new Combo(top, SWT.READ_ONLY);
            kind.setData("nettwin.id", "wizard.kind");
            List<String> kinds = ids(PluginKind.EXPERIMENT);
            kind.setItems(kinds.toArray(String[]::new));
            kind.select(Math.max(0, kinds.indexOf("train")));
            kind.addListener(SWT.Selection, e -> rebuild());
            new Label(top, SWT.NONE).setText("Seeds");
            seeds = new Text(top, SWT.BORDER);
            seeds.setText("1");
            seeds.setMessage("whole numbers, separated by spaces or commas");
            seeds.setData("nettwin.id", "wizard.seeds");
            seeds.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            seeds.addListener(SWT.Modify, e -> validate());
            scroll = new ScrolledComposite(top, SWT.V_SCROLL | SWT.BORDER);
            scroll.setExpandHorizontal(true);
            scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
            form = new Composite(scroll, SWT.NONE);
            form.setLayout(new GridLayout(1, false));
            scroll.setContent(form);
            rebuild();
            setControl(top);
            validate();
        }

        /** The kind changed: one group per section. */
        private void rebuild() {
            for (Control c : form.getChildren()) {
                c.dispose();
            }
            pluginChoice.clear();
            fieldTexts.clear();
            fields.clear();
            if (kind.getText().isEmpty()) {
                return;
            }
            List<Section> sections;
            try (PluginLease<ExperimentKind> lease = catalog.lease(PluginKind.EXPERIMENT, kind.getText(), ExperimentKind.class)) {
                sections = lease.service().sections();
            }
            for (Section s : sections) {
                Group g = new Group(form, SWT.NONE);
                g.setText(s.name() + (s.required() ? " *" : ""));
                g.setToolTipText(s.description());
                g.setLayout(new GridLayout(2, false));
                g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
                if (s instanceof Section.Plugin p) {
                    PluginKind pk = PluginKind.ofInterface(p.service().getName());
                    new Label(g, SWT.NONE).setText("id");
                    Combo id = new Combo(g, SWT.READ_ONLY);
                    id.setData("nettwin.id", "wizard." + s.name() + ".id");
                    id.setItems(ids(pk).toArray(String[]::new));
                    id.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
                    Composite config = new Composite(g, SWT.NONE);
                    config.setLayout(new GridLayout(2, false));
                    config.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
                    pluginChoice.put(s, id::getText);
                    id.addListener(SWT.Selection, e -> {
                        for (Control c : config.getChildren()) {
                            c.dispose();
                        }
                        List<FormField> f = schemaOf(pk, id.getText());
                        fields.put(s, f);
                        fieldTexts.put(s, FormControls.add(config, f, "wizard." + s.name() + "."));
                        relayout();
                    });
                    if (id.getItemCount() > 0 && s.required()) {
                        id.select(0);
                        id.notifyListeners(SWT.Selection, null);
                    }
                } else if (s instanceof Section.Settings st) {
                    List<FormField> f = SchemaForm.fields(st.schema());
                    fields.put(s, f);
                    fieldTexts.put(s, FormControls.add(g, f, "wizard." + s.name() + "."));
                }
            }
            relayout();
        }

        private void relayout() {
            form.setSize(form.computeSize(scroll.getClientArea().width > 0 ? scroll.getClientArea().width : 560, SWT.DEFAULT));
            form.layout(true, true);
        }

        private List<FormField> schemaOf(PluginKind pk, String id) {
            try (PluginLease<? extends NetTwinPlugin> lease = catalog.lease(pk, id, pk.type())) {
                return SchemaForm.fields(lease.service().configSchema());
            }
        }

        private void validate() {
            String problem = null;
            if (!ExperimentDraft.validName(name.getText())) {
                problem = "Name: letters, digits, '.', '_' and '-'.";
            } else if (Files.exists(folder.resolve(name.getText() + ".json"))) {
                problem = folder.resolve(name.getText() + ".json") + " exists already.";
            } else {
                try {
                    seedList();
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        List<Long> seedList() {
            List<Long> out = new ArrayList<>();
            for (String s : seeds.getText().split("[\\s,]+")) {
                if (!s.isEmpty()) {
                    try {
                        out.add(Long.parseLong(s));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Seeds: '" + s + "' is not a whole number.");
                    }
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("Seeds: at least one.");
            }
            return out;
        }

        String draft() {
            ExperimentDraft d = new ExperimentDraft(name.getText(), kind.getText()).seeds(seedList());
            for (Map.Entry<Section, List<FormField>> e : fields.entrySet()) {
                Section s = e.getKey();
                Map<String, String> texts = new LinkedHashMap<>();
                fieldTexts.getOrDefault(s, Map.of()).forEach((k, v) -> texts.put(k, v.get()));
                Map<String, Object> config = SchemaForm.config(e.getValue(), texts);
                if (s instanceof Section.Plugin) {
                    d.plugin(s.name(), pluginChoice.get(s).get(), config);
                } else if (s.required() || !config.isEmpty()) {
                    d.settings(s.name(), config);
                }
            }
            return d.text();
        }
    }

    @Override
    public boolean performFinish() {
        Page page = (Page) getPages()[0];
        try {
            String text = page.draft();
            Files.createDirectories(folder);
            Path file = folder.resolve(page.name.getText() + ".json");
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            created = file;
            return true;
        } catch (IllegalArgumentException | IOException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
    }

    private List<String> ids(PluginKind k) {
        return catalog.list().stream().filter(e -> e.kind() == k).map(PluginEntry::id).toList();
    }
}
