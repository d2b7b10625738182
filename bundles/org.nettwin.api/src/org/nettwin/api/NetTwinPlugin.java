package org.nettwin.api;

import org.nettwin.api.config.ConfigSchema;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every NetTwin plugin service has: a descriptor and the schema of its configuration.
 * Implementations register under their extension-point interface with the service property
 * {@link #ID_PROPERTY} equal to {@code descriptor().id()}, so that the id is known without
 * activating the component.
 *
 * @since 0.1
 */
@ConsumerType
public interface NetTwinPlugin {

    /** Service property carrying the plugin id, e.g. {@code nettwin.id=slicing/MultiCell-v1}. */
    String ID_PROPERTY = "nettwin.id";

    /** @return id, title and description */
    PluginDescriptor descriptor();

    /** @return the parameters this plugin accepts; by default none */
    default ConfigSchema configSchema() {
        return ConfigSchema.EMPTY;
    }
}
