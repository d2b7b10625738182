package org.nettwin.api.experiment;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link Study#report} writes.
 *
 * @since 0.1
 */
@ProviderType
public interface ReportContext {

    /** @return the run folder being written (published atomically when the run succeeds) */
    Path folder();

    /** @return wall-clock seconds since the run started */
    double wallSeconds();
}
