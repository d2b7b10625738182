package org.nettwin.lab;

import org.nettwin.api.NetTwinPlugin;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin service in use, with the entry describing it. Closing the lease releases the service
 * (Declarative Services may then deactivate a delayed component).
 *
 * @param <T> the plugin's service type
 * @since 0.1
 */
@ProviderType
public interface PluginLease<T extends NetTwinPlugin> extends AutoCloseable {

    /** @return the service */
    T service();

    /** @return id, bundle and version of the service */
    PluginEntry entry();

    /** Releases the service; never throws. */
    @Override
    void close();
}
