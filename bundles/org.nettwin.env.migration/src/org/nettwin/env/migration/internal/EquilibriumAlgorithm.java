package org.nettwin.env.migration.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.EpisodeEvent;
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
final class EquilibriumAlgorithm implements Algorithm {

    private final List<EquilibriumPricePolicy> policies = new ArrayList<>();
    private final long seed;
    private long totalSteps;
    private long episodes;

    @SuppressWarnings("unchecked")
    EquilibriumAlgorithm(EnvironmentSpec spec, long seed) {
        this.seed = seed;
        for (int i = 0; i < spec.agents().size(); i++) {
            policies.add(new EquilibriumPricePolicy((Space<double[]>) spec.observationSpaces().get(i),
                    (Space<double[]>) spec.actionSpaces().get(i), i));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
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
        List<double[]> actions = new ArrayList<>(policies.size());
        for (int n = 0; n < policies.size(); n++) {
            policies.get(n).price(game.normalise(n, equilibrium.price(n)));
            actions.add(policies.get(n).action());
        }
        MultiAgentEnvironment<double[], double[]> env = (MultiAgentEnvironment<double[], double[]>) raw;
        long taken = 0;
        MultiStep<double[]> s = env.reset(Seeds.derive(seed, "episodes" + episodes));
        double ret = 0;
        int length = 0;
        while (taken < steps && !listener.isCancelled()) {
            s = env.step(actions);
            taken++;
            totalSteps++;
            ret += s.meanReward();
            length++;
            if (s.allDone()) {
                listener.onEpisode(new EpisodeEvent(totalSteps, episodes++, ret, length));
                listener.onProgress(taken, steps);
                s = env.reset();
                ret = 0;
                length = 0;
            } else if ((taken & 1023) == 0) {
                listener.onProgress(taken, steps);
            }
        }
        return taken;
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }
}
