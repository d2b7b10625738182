package org.nettwin.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.osgi.framework.Constants;

/**
 * A jar offered as a plugin, read before the framework sees it: its bundle name and version, or
 * why it cannot be a bundle at all. The framework would refuse a corrupt zip too, but in words
 * about its own internals; and it installs a plain jar without {@code Bundle-SymbolicName} as a
 * legacy bundle that does nothing, which is exactly the silent failure this check exists for.
 *
 * @param file          the jar
 * @param symbolicName  its {@code Bundle-SymbolicName} without directives, or empty
 * @param version       its {@code Bundle-Version} as written, or empty
 * @param defect        why it is not a bundle, in one line, or empty if it may be one
 */
record PluginJar(Path file, String symbolicName, String version, String defect) {

    static PluginJar read(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest;
            try {
                manifest = jar.getManifest();
            } catch (IOException e) {
                return refused(file, "malformed META-INF/MANIFEST.MF: " + e.getMessage());
            }
            if (manifest == null) {
                return refused(file, "not a bundle: the jar has no META-INF/MANIFEST.MF");
            }
            String name = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null || name.isBlank()) {
                return refused(file, "not a bundle: its manifest has no Bundle-SymbolicName (a plain jar; a plugin must be an OSGi bundle)");
            }
            String version = manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return new PluginJar(file, name.split(";", 2)[0].strip(), version == null ? "" : version.strip(), "");
        } catch (ZipException e) {
            return refused(file, "not a readable jar (zip): " + e.getMessage());
        } catch (IOException | SecurityException e) {
            return refused(file, "cannot read it: " + e);
        }
    }

    private static PluginJar refused(Path file, String defect) {
        return new PluginJar(file, "", "", defect);
    }

    boolean mayBeBundle() {
        return defect.isEmpty();
    }
}
