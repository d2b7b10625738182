package org.nettwin.lab;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished run produced.
 *
 * @param folder  the run folder
 * @param seeds   per-seed results, in seed order
 * @since 0.1
 */
public record RunResult(Path folder, List<SeedResult> seeds) {

    /**
     * One seed's result.
     *
     * @param seed             the seed
     * @param steps            environment steps of learning taken
     * @param episodes         learning episodes finished
     * @param finalTrainReturn mean return of the last 10% of learning episodes (NaN if none)
     * @param evalReturn       mean return of the deterministic evaluation episodes
     * @param wallSeconds      wall time of the seed's learning and evaluation
     */
    public record SeedResult(long seed, long steps, long episodes, double finalTrainReturn, double evalReturn, double wallSeconds) {
    }

    /** @return the mean evaluation return over seeds */
    public double meanEvalReturn() {
        return seeds.stream().mapToDouble(SeedResult::evalReturn).average().orElse(Double.NaN);
    }
}
