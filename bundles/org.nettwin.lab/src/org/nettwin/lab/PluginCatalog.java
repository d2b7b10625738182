package org.nettwin.lab;

import java.util.List;

import org.nettwin.api.NetTwinPlugin;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The live catalog of installed plugins, as OSGi services come and go. A plugin that fails is
 * reported in {@link #failed()} and never hides the others.
 *
 * @since 0.1
 */
@ProviderType
public interface PluginCatalog {

    /** @return working plugins of every kind, sorted by kind and id */
    List<PluginEntry> list();

    /** @return installed plugins that do not work, with their errors */
    List<FailedPlugin> failed();

    /**
     * Takes the plugin of {@code kind} with {@code id} into use; close the lease when done.
     *
     * @throws UnknownPluginException listing the known ids
     * @throws org.nettwin.api.NetTwinException if it is installed but does not work
     */
    <T extends NetTwinPlugin> PluginLease<T> lease(PluginKind kind, String id, Class<T> type);
}
