package __PACKAGE__;

import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.space.Discrete;

/**
 * Epsilon-greedy learning of one value per action: with probability epsilon a uniformly random
 * action, else the greedy one; the action's value moves towards the reward (sample average, or a
 * constant step size). Every random draw comes from the seed; learning continues across
 * {@link #learn} calls. The EpisodeTracker reports episodes and progress and polls cancellation.
 */
final class __CLASS__Algorithm implements Algorithm {

    private final __CLASS__Config config;
    private final long seed;
    private final RandomGenerator random;
    private final __CLASS__Policy policy;
    private final long[] counts;
    private final EpisodeTracker tracker = new EpisodeTracker();

    __CLASS__Algorithm(EnvironmentSpec spec, __CLASS__Config config, long seed) {
        Discrete actions = (Discrete) spec.actionSpace();
        this.config = config;
        this.seed = seed;
        this.random = Seeds.generator(Seeds.derive(seed, "exploration"));
        this.policy = new __CLASS__Policy(spec.observationSpace(), actions, new double[actions.n()]);
        this.counts = new long[actions.n()];
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        // any observation type: the values ignore it; actions are the Discrete space's Integers
        Environment env = ((Scenario.Single) scenario).environment();
        double[] values = policy.values;
        tracker.begin(steps, listener);
        Step<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            int a = random.nextDouble() < config.epsilon() ? random.nextInt(values.length) : policy.act(s.observation()) - policy.start;
            s = env.step(policy.start + a);
            counts[a]++;
            double weight = config.stepSize() > 0 ? config.stepSize() : 1.0 / counts[a];
            values[a] += weight * (s.reward() - values[a]);
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
        return tracker.budgetSteps();
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        if (agent != 0) {
            throw new IndexOutOfBoundsException("__ID__ learns for one agent; asked for agent " + agent);
        }
        return policy;
    }
}
