package org.nettwin.api.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.nettwin.api.Seeds;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.MultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Step;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.ChecksummedBody;
import org.nettwin.api.run.EpisodeTracker;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;

/**
 * An "algorithm" that learns nothing: every agent acts with a given policy for the step budget,
 * and episodes are reported like a learner's, so baselines (random, rule-based, analytic
 * equilibria) give curves in the same runs, files and plots as learners. Subclasses may prepare
 * their policies in {@link #learn} (e.g. solve a game) before calling {@code super.learn}.
 *
 * <p>It is {@link Resumable}: its state is the step and episode counters (every {@code learn} call
 * starts an episode with a reset seeded from the episode count, so the environment needs no state
 * of its own) and whatever a subclass adds with {@link #writeOwnState} — a subclass whose policies
 * change as they act (a random stream) must add it.
 *
 * @since 0.1
 */
public class FixedPolicyAlgorithm implements Algorithm, Resumable {

    private final List<Policy<?, ?>> policies;
    private final long seed;
    private final EpisodeTracker tracker = new EpisodeTracker();

    /**
     * @param policies one per agent, in agent order
     * @param seed     seeds the resets of the episodes
     */
    public FixedPolicyAlgorithm(List<? extends Policy<?, ?>> policies, long seed) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        this.policies = List.copyOf(policies);
        this.seed = seed;
    }

    @Override
    public long learn(Scenario scenario, long steps, TrainingListener listener) {
        tracker.begin(steps, listener);
        tracker.abandonEpisode();
        switch (scenario) {
            case Scenario.Single s -> runSingle(s.environment());
            case Scenario.Multi m -> runMulti(m.environment());
        }
        return tracker.budgetSteps();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runSingle(Environment<?, ?> environment) {
        Environment env = environment;
        Policy policy = policies.get(0);
        Step<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            s = env.step(policy.act(s.observation()));
            if (tracker.step(s.reward(), s.done())) {
                s = env.reset();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runMulti(MultiAgentEnvironment<?, ?> environment) {
        MultiAgentEnvironment env = environment;
        int agents = env.possibleAgents().size();
        if (agents != policies.size()) {
            throw new IllegalArgumentException("the environment has " + agents + " agents, the algorithm " + policies.size() + " policies");
        }
        List<Object> actions = new ArrayList<>(Collections.nCopies(agents, null));
        MultiStep<?> s = env.reset(Seeds.derive(seed, "episodes" + tracker.episodes()));
        while (tracker.running()) {
            for (int i = 0; i < agents; i++) {
                actions.set(i, ((Policy) policies.get(i)).act(s.observation(i)));
            }
            s = env.step(actions);
            if (tracker.step(s.meanReward(), s.allDone())) {
                s = env.reset();
            }
        }
    }

    @Override
    public Policy<?, ?> policy(int agent) {
        return policies.get(agent);
    }

    /**
     * Format ({@link BinaryFormats#FIXED_POLICY_STATE}, in a {@link ChecksummedBody}): UTF the
     * algorithm's class name, {@code int} policies, {@code long} environment steps and
     * {@code long} episodes over every {@code learn} call, then the subclass's own state.
     */
    @Override
    public final void saveState(OutputStream out) throws IOException {
        ChecksummedBody.write(BinaryFormats.FIXED_POLICY_STATE, out, body -> {
            body.writeUTF(getClass().getName());
            body.writeInt(policies.size());
            body.writeLong(tracker.totalSteps());
            body.writeLong(tracker.episodes());
            writeOwnState(body);
        });
    }

    @Override
    public final void loadState(InputStream in) throws IOException {
        ChecksummedBody.load(BinaryFormats.FIXED_POLICY_STATE, in, state -> {
            DataInputStream body = state.data();
            String kind = body.readUTF();
            if (!kind.equals(getClass().getName())) {
                throw new IOException("this is the state of a " + kind + ", not of a " + getClass().getName());
            }
            int count = body.readInt();
            if (count != policies.size()) {
                throw new IOException("the state is of " + count + " policies, this algorithm has " + policies.size());
            }
            long steps = body.readLong();
            long episodes = body.readLong();
            if (steps < 0 || episodes < 0) {
                throw state.corrupt("negative counters " + steps + ", " + episodes);
            }
            Runnable own = readOwnState(body);
            return () -> {
                tracker.restore(steps, episodes);
                own.run();
            };
        });
    }

    /** Writes a subclass's own state after the counters (nothing by default: the policies keep no state). */
    protected void writeOwnState(DataOutputStream out) throws IOException {
    }

    /**
     * Reads what {@link #writeOwnState} wrote and checks it, changing nothing yet.
     *
     * @return what applies it; it must not fail (it runs only once the whole state is read)
     * @throws IOException if it does not fit this algorithm
     */
    protected Runnable readOwnState(DataInputStream in) throws IOException {
        return () -> {
        };
    }
}
