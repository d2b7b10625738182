package org.nettwin.ui.parts;

import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginLease;
import org.nettwin.ui.model.PluginRow;
import org.nettwin.ui.model.SchemaForm;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceListener;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The live plugin catalog: plugins by kind with bundle and version, failed plugins with their
 * error; selecting one shows its description and configuration schema. Bundles and services
 * coming and going (a jar dropped into or removed from the plugins folder) refresh it.
 */
public final class PluginsPart {

    /** Widget data key the end-to-end test finds widgets by. */
    public static final String TREE = "plugins.tree";

    private final PluginCatalog catalog;
    private final UISynchronize ui;
    private Tree tree;
    private Text details;
    private List<PluginRow> rows = List.of();
    private volatile boolean refreshQueued;
    private final BundleContext context = FrameworkUtil.getBundle(PluginsPart.class).getBundleContext();
    private final BundleListener bundles = e -> queueRefresh();
    private final ServiceListener services = e -> queueRefresh();

    /** Injected by e4. */
    @Inject
    public PluginsPart(PluginCatalog catalog, UISynchronize ui) {
        this.catalog = catalog;
        this.ui = ui;
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        tree = new Tree(sash, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        tree.setData("nettwin.id", TREE);
        tree.setHeaderVisible(true);
        for (String[] c : new String[][] {{"Plugin", "320"}, {"Bundle", "200"}, {"Version", "120"}}) {
            org.eclipse.swt.widgets.TreeColumn col = new org.eclipse.swt.widgets.TreeColumn(tree, SWT.LEFT);
            col.setText(c[0]);
            col.setWidth(Integer.parseInt(c[1]));
        }
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        sash.setWeights(60, 40);
        tree.addListener(SWT.Selection, e -> showDetails());
        refresh();
        context.addBundleListener(bundles);
        context.addServiceListener(services);
    }

    @PreDestroy
    void dispose() {
        context.removeBundleListener(bundles);
        context.removeServiceListener(services);
    }

    /** Many events arrive at once when a jar comes or goes: one refresh a moment later covers them. */
    private void queueRefresh() {
        if (refreshQueued) {
            return;
        }
        refreshQueued = true;
        ui.asyncExec(() -> tree.getDisplay().timerExec(300, () -> {
            refreshQueued = false;
            if (!tree.isDisposed()) {
                refresh();
            }
        }));
    }

    /** Reads the catalog again. */
    public void refresh() {
        rows = PluginRow.of(catalog.list(), catalog.failed());
        tree.setRedraw(false);
        tree.removeAll();
        for (String group : PluginRow.groups()) {
            List<PluginRow> of = rows.stream().filter(r -> r.group().equals(group)).toList();
            if (of.isEmpty() && !group.equals(PluginRow.FAILED)) {
                continue;
            }
            TreeItem g = new TreeItem(tree, SWT.NONE);
            g.setText(0, group + " (" + of.size() + ")");
            for (PluginRow r : of) {
                TreeItem item = new TreeItem(g, SWT.NONE);
                item.setText(new String[] {r.label(), r.bundle(), r.version()});
                item.setData(r);
                if (r.failed()) {
                    item.setForeground(tree.getDisplay().getSystemColor(SWT.COLOR_RED));
                }
            }
            g.setExpanded(true);
        }
        tree.setRedraw(true);
    }

    /** @return the rows shown (the end-to-end test reads them) */
    public List<PluginRow> rows() {
        return rows;
    }

    private void showDetails() {
        TreeItem[] sel = tree.getSelection();
        if (sel.length == 0 || !(sel[0].getData() instanceof PluginRow r)) {
            details.setText("");
            return;
        }
        StringBuilder s = new StringBuilder(r.failed() ? "FAILED: " + r.title() + "\n\n" + r.description() : r.description());
        if (!r.failed()) {
            s.append("\n\nbundle ").append(r.bundle()).append(' ').append(r.version()).append("\n\nConfiguration\n");
            try (PluginLease<? extends NetTwinPlugin> lease = catalog.lease(r.kind(), r.id(), r.kind().type())) {
                s.append(PluginRow.schemaText(SchemaForm.fields(lease.service().configSchema())));
            } catch (RuntimeException e) {
                s.append("(cannot read its schema: ").append(e.getMessage()).append(')');
            }
        }
        details.setText(s.toString());
    }
}
