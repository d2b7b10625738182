package org.nettwin.lab.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nettwin.api.NetTwinException;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginLease;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.UnknownPluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The catalog, read live from the OSGi service registry on every call (so bundles coming and
 * going are always reflected), with failures gathered from three places: services that throw,
 * components that Declarative Services could not activate or satisfy, and plugin bundles that
 * do not resolve.
 */
@Component(service = PluginCatalog.class)
public final class ServicePluginCatalog implements PluginCatalog {

    private final BundleContext context;
    private final ServiceComponentRuntime runtime;

    /** DS constructor injection. */
    @Activate
    public ServicePluginCatalog(BundleContext context, @Reference ServiceComponentRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    private record Probe(List<PluginEntry> entries, List<FailedPlugin> failed) {
    }

    @Override
    public List<PluginEntry> list() {
        return probe().entries();
    }

    @Override
    public List<FailedPlugin> failed() {
        return probe().failed();
    }

    private Probe probe() {
        List<PluginEntry> entries = new ArrayList<>();
        Map<String, FailedPlugin> failed = new LinkedHashMap<>();
        for (PluginKind kind : PluginKind.values()) {
            for (ServiceReference<?> ref : references(kind)) {
                Bundle b = ref.getBundle();
                if (b == null) {
                    continue; // unregistered while we looked
                }
                String id = String.valueOf(ref.getProperty(NetTwinPlugin.ID_PROPERTY));
                Object service = null;
                try {
                    service = context.getService(ref);
                    if (service == null) {
                        failed.put(key(b, id), new FailedPlugin(id, b.getSymbolicName(), b.getVersion().toString(),
                                "its component failed to activate (see the component error below or the log)"));
                        continue;
                    }
                    PluginDescriptor d = ((NetTwinPlugin) service).descriptor();
                    if (!d.id().equals(id)) {
                        failed.put(key(b, id), new FailedPlugin(id, b.getSymbolicName(), b.getVersion().toString(),
                                "service property " + NetTwinPlugin.ID_PROPERTY + "=" + id + " differs from descriptor id " + d.id()));
                        continue;
                    }
                    if (kind != PluginKind.EXPERIMENT && !id.contains("/")) {
                        failed.put(key(b, id), new FailedPlugin(id, b.getSymbolicName(), b.getVersion().toString(),
                                "a " + kind.name().toLowerCase(Locale.ROOT) + " id must look like family/Name (plain names are for "
                                        + "experiment kinds)"));
                        continue;
                    }
                    entries.add(new PluginEntry(kind, id, d.title(), d.description(), b.getSymbolicName(), b.getVersion().toString()));
                } catch (RuntimeException | LinkageError e) {
                    failed.put(key(b, id), new FailedPlugin(id, b.getSymbolicName(), b.getVersion().toString(), describe(e)));
                } finally {
                    if (service != null) {
                        context.ungetService(ref);
                    }
                }
            }
        }
        componentFailures(failed);
        bundleFailures(failed);
        entries.sort(Comparator.comparing(PluginEntry::kind).thenComparing(PluginEntry::id));
        List<FailedPlugin> failures = new ArrayList<>(failed.values());
        failures.sort(Comparator.comparing(FailedPlugin::bundle).thenComparing(FailedPlugin::id));
        return new Probe(List.copyOf(entries), List.copyOf(failures));
    }

    private static String key(Bundle b, String id) {
        return b.getSymbolicName() + "/" + id;
    }

    private ServiceReference<?>[] references(PluginKind kind) {
        try {
            // by name, not class: a plugin wired to another copy of the API still shows up
            ServiceReference<?>[] refs = context.getAllServiceReferences(kind.type().getName(), null);
            return refs == null ? new ServiceReference<?>[0] : refs;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void componentFailures(Map<String, FailedPlugin> failed) {
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (!providesPlugin(d)) {
                continue;
            }
            String id = d.properties == null || d.properties.get(NetTwinPlugin.ID_PROPERTY) == null ? d.name
                    : String.valueOf(d.properties.get(NetTwinPlugin.ID_PROPERTY));
            Bundle b = context.getBundle(d.bundle.id);
            String bsn = b == null ? d.bundle.symbolicName : b.getSymbolicName();
            String version = b == null ? "" : b.getVersion().toString();
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                String error = switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> "component " + d.name + " failed to activate: " + c.failure;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "component " + d.name + " has unsatisfied references: "
                            + String.join(", ", java.util.Arrays.stream(c.unsatisfiedReferences).map(r -> r.name + " (" + r.target + ")")
                                    .toList());
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "component " + d.name + " lacks its required configuration";
                    default -> null;
                };
                if (error != null) {
                    failed.put(bsn + "/" + id, new FailedPlugin(id, bsn, version, error));
                }
            }
            if (!runtime.isComponentEnabled(d)) {
                failed.put(bsn + "/" + id, new FailedPlugin(id, bsn, version, "component " + d.name + " is disabled"));
            }
        }
    }

    private static boolean providesPlugin(ComponentDescriptionDTO d) {
        if (d.serviceInterfaces == null) {
            return false;
        }
        for (String s : d.serviceInterfaces) {
            if (PluginKind.ofInterface(s) != null) {
                return true;
            }
        }
        return false;
    }

    private void bundleFailures(Map<String, FailedPlugin> failed) {
        for (Bundle b : context.getBundles()) {
            boolean plugin = b.getHeaders("").get("Service-Component") != null;
            boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
            if (!plugin || fragment || b.getState() != Bundle.INSTALLED) {
                continue;
            }
            try {
                // an installed plugin bundle is meant to run: starting it either succeeds now or tells why not
                b.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException | IllegalStateException e) {
                failed.put(b.getSymbolicName() + "/", new FailedPlugin("(bundle)", b.getSymbolicName(), b.getVersion().toString(),
                        "bundle does not resolve: " + e.getMessage().replaceAll("\\s+", " ").trim()));
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " caused by " + root;
    }

    @Override
    public <T extends NetTwinPlugin> PluginLease<T> lease(PluginKind kind, String id, Class<T> type) {
        for (ServiceReference<?> ref : references(kind)) {
            Bundle b = ref.getBundle();
            if (!id.equals(ref.getProperty(NetTwinPlugin.ID_PROPERTY)) || b == null) {
                continue;
            }
            Object s = context.getService(ref);
            if (s == null) {
                throw new NetTwinException(kind.name().toLowerCase(Locale.ROOT) + " '" + id
                        + "' is installed but failed to activate; run 'nettwin list' to see why");
            }
            T service = type.cast(s);
            PluginDescriptor d;
            try {
                d = service.descriptor();
            } catch (RuntimeException e) {
                context.ungetService(ref);
                throw new NetTwinException(kind.name().toLowerCase(Locale.ROOT) + " '" + id + "' does not work: " + describe(e), e);
            }
            PluginEntry entry = new PluginEntry(kind, id, d.title(), d.description(), b.getSymbolicName(), b.getVersion().toString());
            return new PluginLease<>() {
                private boolean closed;

                @Override
                public T service() {
                    return service;
                }

                @Override
                public PluginEntry entry() {
                    return entry;
                }

                @Override
                public synchronized void close() {
                    if (!closed) {
                        closed = true;
                        try {
                            context.ungetService(ref);
                        } catch (IllegalStateException bundleGone) {
                            // the catalog's bundle is stopping; the framework releases the service itself
                        }
                    }
                }
            };
        }
        throw new UnknownPluginException(kind, id, list().stream().filter(e -> e.kind() == kind).map(PluginEntry::id).toList());
    }
}
