package org.nettwin.api.experiment;

import java.util.List;

/**
 * What a finished unit produced, as the report sees it.
 *
 * @param unit        the unit
 * @param metrics     its metric rows, in the order reported
 * @param data        the data {@link Study#run} returned (after a round trip through its JSON form,
 *                    the same wherever the unit ran)
 * @param wallSeconds how long it ran
 * @since 0.1
 */
public record UnitResult(Unit unit, List<MetricRow> metrics, UnitData data, double wallSeconds) {
}
