package org.nettwin.lab;

import org.nettwin.api.experiment.MetricRow;
import org.nettwin.api.experiment.Unit;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Follows a run as it goes: units starting and finishing, and every metric row as it is
 * measured (for live charts). Called from the units' threads, possibly several at once; must be
 * quick and thread-safe.
 *
 * @since 0.1
 */
@ConsumerType
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** A unit started. */
    default void unitStarted(Unit unit) {
    }

    /** A unit measured a value. */
    default void metric(Unit unit, MetricRow row) {
    }

    /** A unit finished (successfully or not). */
    default void unitFinished(Unit unit) {
    }
}
