package org.nettwin.api.experiment;

import java.util.List;

import org.nettwin.api.NetTwinPlugin;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of experiment: what an experiment file with {@code "type": ID} does. Registered as an
 * OSGi service under this interface with {@code nettwin.id} = the type (a plain lower-case name
 * such as {@code twin-loop}, or {@code family/name} for a third party's kind).
 *
 * <p>The host reads the file's common fields ({@code name}, {@code description}, {@code type},
 * {@code seeds}) and the {@link #sections() sections} the kind declares: it refuses unknown
 * sections and fields, leases the plugins of plugin sections and validates every configuration,
 * each problem located as {@code FILE:LINE:COLUMN: field.path: message}. Then
 * {@link #prepare} checks what only the kind knows and returns the {@link Study} to run — all
 * before anything is created on disk.
 *
 * @since 0.1
 */
@ConsumerType
public interface ExperimentKind extends NetTwinPlugin {

    /** @return the top-level sections this kind reads, besides name, description, type and seeds */
    List<Section> sections();

    /**
     * Checks the parsed, schema-validated experiment (plugins fitting the scenario, capabilities,
     * data files) and prepares it. Report every problem with {@link ExperimentPlan#problem}; the
     * host refuses the experiment if there is any, whatever is returned.
     *
     * @return the study to run, or {@code null} if problems were reported
     */
    Study prepare(ExperimentPlan plan);
}
