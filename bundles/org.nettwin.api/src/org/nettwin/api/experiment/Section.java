package org.nettwin.api.experiment;

import java.util.Objects;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.ConfigSchema;

/**
 * A top-level section of an experiment file that an {@link ExperimentKind} reads: a plugin
 * reference ({@code {"id": ..., "config": {...}}}) or a block of settings checked against a
 * schema. The host validates both, with located errors, before the kind sees them.
 *
 * @since 0.1
 */
public sealed interface Section {

    /** @return the key in the experiment file */
    String name();

    /** @return whether the file must have it */
    boolean required();

    /** @return what it is for (documentation and generated forms) */
    String description();

    /**
     * A plugin reference: {@code {"id": "...", "config": {...}}}, plus {@code "policy": "file"} when
     * {@code savedPolicy} (a policy saved by that algorithm, instead of its fresh one) and the
     * fields of {@code settings} beside them (e.g. a distiller with its dataset sizes).
     *
     * @param name        the key
     * @param service     the extension point of the plugin ({@code ScenarioProvider.class}, ...)
     * @param required    whether the file must have it
     * @param savedPolicy whether {@code "policy"} may name a saved policy file
     * @param settings    fields allowed beside {@code id} and {@code config}; {@link ConfigSchema#EMPTY} for none
     * @param description what it is for
     */
    record Plugin(String name, Class<? extends NetTwinPlugin> service, boolean required, boolean savedPolicy, ConfigSchema settings,
            String description) implements Section {

        /** Checks the definition. */
        public Plugin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(description, "description");
            for (String reserved : new String[] {"id", "config", "policy"}) {
                if (settings.parameters().containsKey(reserved)) {
                    throw new IllegalArgumentException("section '" + name + "': '" + reserved + "' is reserved in plugin sections");
                }
            }
        }

        /** A required plugin section without a saved policy or settings. */
        public static Plugin of(String name, Class<? extends NetTwinPlugin> service, String description) {
            return new Plugin(name, service, true, false, ConfigSchema.EMPTY, description);
        }
    }

    /**
     * A block of settings: {@code {"steps": 5000, ...}}, validated by {@code schema} (defaults
     * filled in). An optional settings section that is left out has no value.
     *
     * @param name        the key
     * @param schema      its fields
     * @param required    whether the file must have it
     * @param description what it is for
     */
    record Settings(String name, ConfigSchema schema, boolean required, String description) implements Section {

        /** Checks the definition. */
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(description, "description");
        }
    }
}
