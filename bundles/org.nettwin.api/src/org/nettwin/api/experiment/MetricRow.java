package org.nettwin.api.experiment;

/**
 * One measured value of a unit, a row of {@code metrics.csv} ({@code seed,step,metric,value},
 * the seed being the unit's).
 *
 * @param step   where it was measured (environment steps, updates, ... as the kind documents)
 * @param metric its name, e.g. {@code episode_return} or {@code twin/eval_return}
 * @param value  the value
 * @since 0.1
 */
public record MetricRow(long step, String metric, double value) {
}
