package org.nettwin.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * Somewhere plugins are installed from besides the product itself — the plugins folder of the
 * command line, watched under {@code nettwin serve}. Registered as an OSGi service by whoever
 * installs from it; the {@link PluginCatalog} asks every registered source which of its files did
 * not become bundles at all (so they are listed under {@code failed} with the others), and which
 * file a bundle came from (so a failure names the jar the user dropped in).
 *
 * @since 0.1
 */
@ConsumerType
public interface PluginSource {

    /**
     * @return the files of this source that are not installed as bundles, each with why (not a
     *         jar, not a bundle, a malformed manifest, a duplicate, refused by the framework);
     *         {@link FailedPlugin#source()} is the file
     */
    List<FailedPlugin> refused();

    /** @return the file {@code bundle} was installed from, if this source installed it */
    Optional<Path> origin(Bundle bundle);
}
