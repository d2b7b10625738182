package org.nettwin.api.testkit;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Param;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;

/**
 * A test double of a scenario plugin, {@value RandomWalkEnvironment#ID}: the
 * {@link RandomWalkEnvironment} with its length and slip configured, episodes truncated by the
 * {@code timeLimit} every scenario has (default 100). For tests of experiment kinds and algorithms
 * that need some scenario without NetTwin's own ({@link TestPlan}); no OSGi needed.
 *
 * @since 0.1
 */
public final class RandomWalkScenario extends BaseScenarioProvider<RandomWalkScenario.Config> {

    /**
     * @param length the right end; positions 0 ... length
     * @param slip   probability that a move goes the other way
     */
    public record Config(
            @Param(value = "10", doc = "the right end; positions 0 ... length", min = 2, max = 1_000_000) int length,
            @Param(value = "0.1", doc = "probability that a move goes the other way", min = 0, max = 1) double slip) {
    }

    /** A provider. */
    public RandomWalkScenario() {
        super(new PluginDescriptor(RandomWalkEnvironment.ID, "Random walk (test kit)",
                "A walk on 0 ... length, left or right with slip, reward ±1 at the ends."), Config.class, 100);
    }

    @Override
    protected Scenario build(Config config, long seed) {
        // the episode length is the timeLimit wrapper's; the walk's own cap is out of its way
        return new Scenario.Single(new RandomWalkEnvironment(config.length(), config.slip(), Integer.MAX_VALUE));
    }
}
