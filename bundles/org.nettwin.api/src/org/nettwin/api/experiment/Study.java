package org.nettwin.api.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A prepared experiment: independent units of work and the report that turns their results into
 * the kind's files. Units share nothing mutable: each creates its own environments and agents
 * from the experiment's plugins and its seed, so the host may run them in any order, in
 * parallel, or on other machines, and the results are the same bytes. A unit's result is plain
 * data ({@link UnitData} and metric rows), which is all {@link #report} sees.
 *
 * @since 0.1
 */
@ConsumerType
public interface Study {

    /**
     * @return the units, in the order their metric rows go into {@code metrics.csv}; keys unique.
     *         The host schedules units with more {@link Unit#work()} first.
     */
    List<Unit> units();

    /**
     * Runs one unit. Report metric rows, progress and files through {@code context}, and stop
     * early (returning anything) when {@link UnitContext#cancelled()}.
     *
     * @return the unit's results, as plain data for the report
     */
    UnitData run(Unit unit, UnitContext context) throws Exception;

    /**
     * Writes the kind's files (plots, extra JSON) into the run folder and returns the summary.
     * The host has written {@code metrics.csv} (every unit's rows, in unit order) already and
     * writes {@code summary.json} and {@code experiment.json} after.
     *
     * @param results one per unit, in the order of {@link #units()}
     */
    Report report(List<UnitResult> results, ReportContext context) throws IOException;

    /**
     * @return more of the resolved experiment for {@code experiment.json}, beside what the host
     *         writes (sections with resolved configurations, seeds, plugin bundles, runtime): e.g. how
     *         seeds are derived, resolved variants
     */
    default Map<String, Object> resolved() {
        return Map.of();
    }
}
