package org.nettwin.lab.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.nettwin.api.NetTwinException;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.PluginDescriptor;
import org.nettwin.lab.Causes;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginLease;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginSource;
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
 * going are always reflected), with failures gathered from four places: the files that
 * {@link PluginSource}s (the plugins folder) could not install as bundles, plugin bundles that do
 * not resolve, components that Declarative Services could not activate or satisfy, and services
 * that throw. Every failure of a bundle that came from a source names its file.
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
        List<PluginSource> sources = new ArrayList<>();
        List<ServiceReference<PluginSource>> sourceRefs = sourceReferences();
        try {
            for (ServiceReference<PluginSource> ref : sourceRefs) {
                PluginSource source = context.getService(ref);
                if (source != null) {
                    sources.add(source);
                }
            }
            probe(entries, failed, sources);
        } finally {
            for (ServiceReference<PluginSource> ref : sourceRefs) {
                ungetQuietly(ref);
            }
        }
        entries.sort(Comparator.comparing(PluginEntry::kind).thenComparing(PluginEntry::id));
        List<FailedPlugin> failures = new ArrayList<>(failed.values());
        failures.sort(Comparator.comparing(FailedPlugin::source).thenComparing(FailedPlugin::bundle).thenComparing(FailedPlugin::id));
        return new Probe(List.copyOf(entries), List.copyOf(failures));
    }

    private void probe(List<PluginEntry> entries, Map<String, FailedPlugin> failed, List<PluginSource> sources) {
        for (PluginSource source : sources) {
            try {
                for (FailedPlugin refused : source.refused()) {
                    failed.put("file:" + refused.source(), refused);
                }
            } catch (RuntimeException e) {
                failed.put("source:" + source, new FailedPlugin("", "", "", "a plugin source failed to report: " + Causes.oneLine(e), "",
                        Causes.stackTrace(e)));
            }
        }
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
                        // the component's own failure (found below from its DTO) replaces this
                        failed.put(key(b, id), failure(sources, b, id, "its component failed to activate", ""));
                        continue;
                    }
                    PluginDescriptor d = ((NetTwinPlugin) service).descriptor();
                    if (!d.id().equals(id)) {
                        failed.put(key(b, id), failure(sources, b, id,
                                "service property " + NetTwinPlugin.ID_PROPERTY + "=" + id + " differs from descriptor id " + d.id(), ""));
                        continue;
                    }
                    if (kind != PluginKind.EXPERIMENT && !id.contains("/")) {
                        failed.put(key(b, id), failure(sources, b, id, "a " + kind.name().toLowerCase(Locale.ROOT)
                                + " id must look like family/Name (plain names are for experiment kinds)", ""));
                        continue;
                    }
                    entries.add(new PluginEntry(kind, id, d.title(), d.description(), b.getSymbolicName(), b.getVersion().toString()));
                } catch (RuntimeException | LinkageError e) {
                    failed.put(key(b, id), failure(sources, b, id, Causes.oneLine(e), Causes.stackTrace(e)));
                } finally {
                    if (service != null) {
                        context.ungetService(ref);
                    }
                }
            }
        }
        componentFailures(failed, sources);
        bundleFailures(failed, sources);
    }

    private static String key(Bundle b, String id) {
        return b.getSymbolicName() + "/" + id;
    }

    /** A failure of {@code bundle}, naming the file it came from if a source installed it. */
    private static FailedPlugin failure(List<PluginSource> sources, Bundle bundle, String id, String error, String detail) {
        String file = origin(sources, bundle).map(Path::toString).orElse("");
        return new FailedPlugin(id, bundle.getSymbolicName(), bundle.getVersion().toString(), error, file, detail);
    }

    private static Optional<Path> origin(List<PluginSource> sources, Bundle bundle) {
        for (PluginSource source : sources) {
            Optional<Path> file = source.origin(bundle);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    private List<ServiceReference<PluginSource>> sourceReferences() {
        try {
            return List.copyOf(context.getServiceReferences(PluginSource.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ungetQuietly(ServiceReference<?> ref) {
        try {
            context.ungetService(ref);
        } catch (IllegalStateException stopping) {
            // the catalog's bundle is stopping; the framework releases the service itself
        }
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

    private void componentFailures(Map<String, FailedPlugin> failed, List<PluginSource> sources) {
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if (!providesPlugin(d)) {
                continue;
            }
            String id = d.properties == null || d.properties.get(NetTwinPlugin.ID_PROPERTY) == null ? d.name
                    : String.valueOf(d.properties.get(NetTwinPlugin.ID_PROPERTY));
            Bundle b = context.getBundle(d.bundle.id);
            if (b == null) {
                continue; // uninstalled while we looked
            }
            for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                FailedPlugin f = switch (c.state) {
                    // cause first; the trace (which opens with the reflective wrapper) on request
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> failure(sources, b, id,
                            Causes.oneLine(c.failure) + "; component " + d.name + " did not activate",
                            "component " + d.name + " failed to activate:\n" + c.failure.strip());
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> failure(sources, b, id, "component " + d.name
                            + " has unsatisfied references: " + String.join(", ", java.util.Arrays.stream(c.unsatisfiedReferences)
                                    .map(r -> r.name + " (" + r.target + ")").toList()), "");
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> failure(sources, b, id,
                            "component " + d.name + " lacks its required configuration", "");
                    default -> null;
                };
                if (f != null) {
                    failed.put(key(b, id), f);
                }
            }
            if (!runtime.isComponentEnabled(d)) {
                failed.put(key(b, id), failure(sources, b, id, "component " + d.name + " is disabled", ""));
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

    /** Plugin bundles, and every bundle of a plugin source, that are installed but not resolved. */
    private void bundleFailures(Map<String, FailedPlugin> failed, List<PluginSource> sources) {
        for (Bundle b : context.getBundles()) {
            boolean plugin = b.getHeaders("").get("Service-Component") != null || origin(sources, b).isPresent();
            boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
            if (!plugin || fragment || b.getState() != Bundle.INSTALLED) {
                continue;
            }
            try {
                // an installed plugin bundle is meant to run: starting it either succeeds now or tells why not
                b.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException | IllegalStateException e) {
                failed.put(key(b, ""), failure(sources, b, "", "bundle does not resolve: " + e.getMessage().replaceAll("\\s+", " ").trim(),
                        ""));
            }
        }
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
                throw new NetTwinException(kind.name().toLowerCase(Locale.ROOT) + " '" + id + "' does not work: " + Causes.oneLine(e), e);
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
                        ungetQuietly(ref);
                    }
                }
            };
        }
        throw new UnknownPluginException(kind, id, list().stream().filter(e -> e.kind() == kind).map(PluginEntry::id).toList());
    }
}
