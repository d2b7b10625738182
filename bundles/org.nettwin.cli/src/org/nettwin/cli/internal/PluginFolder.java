package org.nettwin.cli.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.nettwin.lab.Causes;
import org.nettwin.lab.FailedPlugin;
import org.nettwin.lab.PluginSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The plugins folder: installs its jars as bundles and reports those that did not become one.
 * Felix FileInstall watches the folder and hands every jar created, changed or deleted to this
 * installer (it claims them all, so FileInstall's own bundle installer, which silently retries jars
 * it cannot read and "updates" a product bundle when a jar repeats its name and version, never
 * sees one). Every jar ends in exactly one of two places: installed (and started), or
 * {@link #refused()} with the reason — so nobody has to wait on a jar that will never install.
 * Bundles that install but do not resolve or activate are the {@link org.nettwin.lab.PluginCatalog}'s
 * to report; {@link #origin(Bundle)} lets it name their files.
 *
 * <p>FileInstall calls {@code install}, {@code update} and {@code uninstall} from one thread at a
 * time; the catalog reads concurrently.
 */
final class PluginFolder implements ArtifactInstaller, PluginSource {

    private final BundleContext context;
    private final Path folder;
    private final Map<Path, Long> installed = new ConcurrentHashMap<>();
    private final Map<Path, FailedPlugin> refused = new ConcurrentHashMap<>();

    PluginFolder(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public boolean canHandle(File artifact) {
        Path file = normalize(artifact);
        return file.getFileName().toString().endsWith(".jar") && folder.equals(file.getParent());
    }

    @Override
    public void install(File artifact) {
        update(artifact); // a jar FileInstall has not seen before: installNew, as for a changed jar it had no bundle for
    }

    @Override
    public void update(File artifact) {
        Path jar = normalize(artifact);
        refused.remove(jar);
        Bundle bundle = bundleOf(jar);
        if (bundle == null) {
            installNew(jar);
        } else {
            PluginJar read = PluginJar.read(jar);
            if (!read.mayBeBundle()) {
                remove(jar, bundle);
                refuse(read, read.defect(), "");
            } else {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle.update(in);
                    refresh(List.of(bundle));
                } catch (BundleException | IOException | IllegalStateException e) {
                    refuse(read, "the changed jar was refused (" + reason(e) + "); the previous version keeps running",
                            Causes.stackTrace(e));
                }
            }
        }
        startInstalled();
        signalHandled();
    }

    @Override
    public void uninstall(File artifact) {
        Path jar = normalize(artifact);
        refused.remove(jar);
        Bundle bundle = bundleOf(jar);
        if (bundle != null) {
            remove(jar, bundle);
        }
        installed.remove(jar);
        // a jar refused as a duplicate of the one just removed may install now
        for (Path other : List.copyOf(refused.keySet())) {
            if (!installed.containsKey(other) && Files.isRegularFile(other)) {
                refused.remove(other);
                installNew(other);
            }
        }
        startInstalled();
        signalHandled();
    }

    @Override
    public List<FailedPlugin> refused() {
        return List.copyOf(refused.values());
    }

    @Override
    public Optional<Path> origin(Bundle bundle) {
        for (Map.Entry<Path, Long> e : installed.entrySet()) {
            if (e.getValue() == bundle.getBundleId()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until FileInstall has handed each of {@code jars} to this installer (with its
     * {@code noInitialDelay} it does so for the folder's jars before it has finished starting, so
     * this normally returns at once), or until {@code timeoutMillis} have passed.
     *
     * @return the jars still not handled (deleted ones are not waited for)
     */
    synchronized List<Path> awaitHandled(Collection<Path> jars, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            List<Path> pending = new ArrayList<>();
            for (Path jar : jars) {
                Path file = jar.toAbsolutePath().normalize();
                if (!installed.containsKey(file) && !refused.containsKey(file) && Files.exists(file)) {
                    pending.add(file);
                }
            }
            long left = deadline - System.nanoTime();
            if (pending.isEmpty() || left <= 0) {
                return pending;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void signalHandled() {
        notifyAll();
    }

    private void installNew(Path jar) {
        PluginJar read = PluginJar.read(jar);
        if (!read.mayBeBundle()) {
            refuse(read, read.defect(), "");
            return;
        }
        Bundle twin = sameNameAndVersion(read);
        if (twin != null) {
            refuse(read, "same Bundle-SymbolicName and Bundle-Version as " + describe(twin) + "; remove one of the two", "");
            return;
        }
        try (InputStream in = Files.newInputStream(jar)) {
            Bundle bundle = context.installBundle(jar.toUri().toString(), in);
            installed.put(jar, bundle.getBundleId());
        } catch (BundleException | IOException | IllegalStateException | SecurityException e) {
            refuse(read, "the framework refused it: " + reason(e), Causes.stackTrace(e));
        }
    }

    /** An installed bundle (from elsewhere) with the jar's name and version, or null. */
    private Bundle sameNameAndVersion(PluginJar jar) {
        Version version;
        try {
            version = Version.parseVersion(jar.version());
        } catch (IllegalArgumentException e) {
            return null; // the framework refuses the jar and says why
        }
        String location = jar.file().toUri().toString();
        for (Bundle b : context.getBundles()) {
            if (jar.symbolicName().equals(b.getSymbolicName()) && version.equals(b.getVersion()) && !location.equals(b.getLocation())) {
                return b;
            }
        }
        return null;
    }

    private String describe(Bundle bundle) {
        return origin(bundle).map(f -> f.getFileName() + " in the plugins folder")
                .orElse("the runtime's bundle " + bundle.getSymbolicName() + " " + bundle.getVersion());
    }

    private void refuse(PluginJar jar, String why, String detail) {
        refused.put(jar.file(), new FailedPlugin("", jar.symbolicName(), jar.version(), why, jar.file().toString(), detail));
    }

    /** Starts (with its activation policy) every bundle of the folder that is not yet active: a new jar may satisfy another. */
    private void startInstalled() {
        for (long id : installed.values()) {
            Bundle b = context.getBundle(id);
            if (b == null || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null
                    || (b.getState() & (Bundle.INSTALLED | Bundle.RESOLVED)) == 0) {
                continue;
            }
            try {
                b.start(Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException | IllegalStateException e) {
                // does not resolve (yet): the catalog lists it under "failed" with the framework's reason
            }
        }
    }

    private void remove(Path jar, Bundle bundle) {
        installed.remove(jar);
        try {
            bundle.uninstall();
            refresh(List.of(bundle));
        } catch (BundleException | IllegalStateException e) {
            // already gone
        }
    }

    /** Rewires what depended on changed or removed bundles (as FileInstall does after its own updates). */
    private void refresh(Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> done.countDown());
        try {
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Bundle bundleOf(Path jar) {
        Long id = installed.get(jar);
        return id == null ? null : context.getBundle(id);
    }

    /** The framework's words, which name the header at fault, with the innermost cause if there is one. */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ").strip();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // where the framework's own parser threw says nothing to the plugin's author: no "(in ...)"
        return root == e ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static Path normalize(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }
}
