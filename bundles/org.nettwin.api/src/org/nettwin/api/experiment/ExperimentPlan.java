package org.nettwin.api.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An experiment file as the host parsed and validated it, given to
 * {@link ExperimentKind#prepare}: its common fields, its sections (plugins leased and
 * configured, settings checked), and a place to report further problems, located in the file.
 *
 * @since 0.1
 */
@ProviderType
public interface ExperimentPlan {

    /** @return the experiment file */
    Path file();

    /** @return the experiment's name (it names the default output folder) */
    String name();

    /** @return free text, possibly empty */
    String description();

    /** @return the experiment kind's id, as written in {@code type} */
    String type();

    /** @return the seeds, in the file's order, without duplicates; at least one */
    List<Long> seeds();

    /** @return whether the file has the section (always true for a required one) */
    boolean has(String section);

    /**
     * @return the leased plugin of a plugin section, or {@code null} if the optional section is
     *         absent or the plugin could not be used (a problem was then reported)
     * @throws IllegalArgumentException if the kind declared no plugin section of that name and type
     */
    <T extends NetTwinPlugin> PluginUse<T> plugin(String section, Class<T> service);

    /**
     * @return the validated settings of a settings section, or the settings beside {@code id} of a
     *         plugin section; {@code null} if the optional section is absent or invalid (reported)
     */
    Config settings(String section);

    /**
     * Leases a further plugin named inside a section (e.g. a behaviour policy's algorithm id), with
     * its default configuration, for the experiment's life.
     *
     * @param path the field that names it, for a located problem if it is unknown or broken
     * @return the plugin, or {@code null} after reporting a problem
     */
    <T extends NetTwinPlugin> PluginUse<T> lease(Class<T> service, String id, String path);

    /**
     * Validates more configuration values (e.g. overrides of a variant) against a schema.
     *
     * @param path where the values are in the file, e.g. {@code offline.variants.naive}
     * @return the config, or {@code null} after reporting every problem
     */
    Config validate(ConfigSchema schema, Map<String, ?> raw, String path);

    /** Reports a problem with the field at {@code path} (e.g. {@code loop.behaviour}); the experiment is then refused. */
    void problem(String path, String message);

    /** @return {@code FILE:LINE:COLUMN} of the field at {@code path}, or of its nearest enclosing field */
    String locate(String path);

    /** @return whether no problem has been reported so far */
    boolean valid();
}
