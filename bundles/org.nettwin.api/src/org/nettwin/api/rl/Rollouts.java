package org.nettwin.api.rl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.Scenario;

/**
 * Evaluating a policy on an environment, with the unchecked type capture done once here.
 *
 * @since 0.1
 */
public final class Rollouts {

    private Rollouts() {
    }

    /**
     * Runs {@code episodes} episodes with the policy's deterministic actions and returns the
     * mean undiscounted return. Episode {@code i} is reset with {@code Seeds.derive(seed, i)}.
     *
     * @param maxSteps safety limit per episode, for environments that never end
     */
    public static double meanReturn(Environment<?, ?> env, Policy<?, ?> policy, int episodes, long seed, int maxSteps) {
        return meanReturn(env, policy, episodes, seed, maxSteps, null);
    }

    /** As {@link #meanReturn(Environment, Policy, int, long, int)}, sampling actions from {@code random} if given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static double meanReturn(Environment<?, ?> env, Policy<?, ?> policy, int episodes, long seed, int maxSteps,
            RandomGenerator random) {
        Environment e = env;
        Policy p = policy;
        double total = 0;
        for (int i = 0; i < episodes; i++) {
            Step<?> s = e.reset(Seeds.derive(seed, i));
            double ret = 0;
            for (int t = 0; t < maxSteps && !s.done(); t++) {
                Object action = random == null ? p.act(s.observation()) : p.sample(s.observation(), random);
                s = e.step(action);
                ret += s.reward();
            }
            total += ret;
        }
        return total / episodes;
    }

    /**
     * Evaluates an algorithm's deterministic policies on a scenario: {@code episodes} episodes,
     * episode {@code i} reset with {@code Seeds.derive(seed, i)}; for several agents, the mean over
     * agents of their returns. NaN for no episodes.
     */
    public static double meanReturn(Scenario scenario, Algorithm algorithm, int episodes, long seed, int maxSteps) {
        if (episodes == 0) {
            return Double.NaN;
        }
        return switch (scenario) {
            case Scenario.Single s -> meanReturn(s.environment(), algorithm.policy(), episodes, seed, maxSteps);
            case Scenario.Multi m -> {
                List<Policy<?, ?>> policies = new ArrayList<>();
                for (int a = 0; a < m.environment().possibleAgents().size(); a++) {
                    policies.add(algorithm.policy(a));
                }
                yield meanReturn(m.environment(), policies, episodes, seed, maxSteps);
            }
        };
    }

    /**
     * Runs {@code episodes} parallel episodes with each agent's deterministic policy and returns
     * the mean over agents of the undiscounted per-agent returns.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static double meanReturn(MultiAgentEnvironment<?, ?> env, List<? extends Policy<?, ?>> policies, int episodes, long seed,
            int maxSteps) {
        MultiAgentEnvironment e = env;
        int agents = env.possibleAgents().size();
        if (policies.size() != agents) {
            throw new IllegalArgumentException("need one policy per agent: " + agents + ", got " + policies.size());
        }
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        double total = 0;
        for (int i = 0; i < episodes; i++) {
            MultiStep<?> s = e.reset(Seeds.derive(seed, i));
            double ret = 0;
            for (int t = 0; t < maxSteps && !s.allDone(); t++) {
                for (int a = 0; a < agents; a++) {
                    actions.set(a, ((Policy) policies.get(a)).act(s.observation(a)));
                }
                s = e.step(actions);
                ret += s.meanReward();
            }
            total += ret;
        }
        return total / episodes;
    }
}
