package org.nettwin.env.migration.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.rl.FixedPolicyAlgorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Space;
import org.nettwin.env.migration.MigrationGame;
import org.nettwin.env.migration.StackelbergEquilibrium;

/**
 * "Learning" by solving: on the first {@link #learn} it reads the scenario's game, computes its
 * Stackelberg equilibrium and from then on every RSU posts its equilibrium price; it still plays
 * the step budget and reports episodes, so its curve is the reference a learner's curve converges
 * to.
 */
final class EquilibriumAlgorithm extends FixedPolicyAlgorithm {

    private final List<EquilibriumPricePolicy> policies;

    private EquilibriumAlgorithm(List<EquilibriumPricePolicy> policies, long seed) {
        super(policies, seed);
        this.policies = policies;
    }

    @SuppressWarnings("unchecked")
    static EquilibriumAlgorithm create(EnvironmentSpec spec, long seed) {
        List<EquilibriumPricePolicy> policies = new ArrayList<>();
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new EquilibriumPricePolicy((Space<double[]>) spec.observationSpaces().get(i),
                    (Space<double[]>) spec.actionSpaces().get(i), i));
        }
        return new EquilibriumAlgorithm(policies, seed);
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        if (!(scenario instanceof Scenario.Multi multi)) {
            throw new IllegalArgumentException(StackelbergBaselineProvider.ID + " plays " + MigrationProvider.ID + " only (a parallel multi-agent scenario)");
        }
        MultiAgentEnvironment<?, ?> raw = multi.environment();
        MigrationGame game = raw.capability(MigrationGame.class).orElseThrow(() -> new IllegalArgumentException(
                StackelbergBaselineProvider.ID + " plays " + MigrationProvider.ID + " only; this environment exposes no MigrationGame"));
        // the environment solved it at creation; solving again only to get the explanatory error
        StackelbergEquilibrium equilibrium = raw.capability(StackelbergEquilibrium.class)
                .orElseGet(() -> StackelbergEquilibrium.solve(game));
        if (game.leaders() != policies.size()) {
            throw new IllegalArgumentException("the algorithm was created for " + policies.size() + " RSUs, the scenario has " + game.leaders());
        }
        for (int n = 0; n < policies.size(); n++) {
            policies.get(n).price(game.normalise(n, equilibrium.price(n)));
        }
        return super.learn(scenario, steps, listener);
    }
}
