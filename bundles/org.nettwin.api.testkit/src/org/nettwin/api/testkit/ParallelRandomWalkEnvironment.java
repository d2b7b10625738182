package org.nettwin.api.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * A parallel multi-agent reference environment: {@code agents} walkers
 * ({@code walker_0, walker_1, ...}), each on its own line {@code 0 ... length} with the dynamics
 * of {@link RandomWalkEnvironment} (actions {@link RandomWalkEnvironment#LEFT} /
 * {@link RandomWalkEnvironment#RIGHT}, slip probability, reward +1 / -1 at the ends). A walker
 * that reaches an end stays terminated, with reward 0, until the episode ends; the others keep
 * walking. The episode ends when every walker is done or after {@code maxSteps} steps (the
 * walkers still walking are then truncated). Each walker observes its own position; the shared
 * info value {@code finished} counts the walkers that reached an end.
 *
 * <p>It exercises what parallel multi-agent code must handle (per-agent termination, agents that
 * keep receiving actions after they are done) and passes {@link EnvironmentConformance}.
 *
 * @since 0.1
 */
public final class ParallelRandomWalkEnvironment extends BaseMultiAgentEnvironment<double[], Integer> {

    /** The environment's id, used in messages. */
    public static final String ID = "testkit/ParallelRandomWalk-v1";

    private static final List<String> INFO = List.of("finished");

    private final int length;
    private final double slip;
    private final int maxSteps;
    private final double[][] observations;
    private final int[] positions;
    private int t;

    /** Three walkers on positions 0 ... 6 with slip probability 0.1, truncated after 50 steps. */
    public ParallelRandomWalkEnvironment() {
        this(3, 6, 0.1, 50);
    }

    /**
     * @param agents   number of walkers, at least 1
     * @param length   the right end of each line, at least 2
     * @param slip     probability in {@code [0, 1]} that a move goes the other way
     * @param maxSteps steps after which an episode is truncated, at least 1
     */
    public ParallelRandomWalkEnvironment(int agents, int length, double slip, int maxSteps) {
        // the spaces are built before the checks below, from sizes they will accept
        super(ID, walkers(Math.max(agents, 1)), Collections.nCopies(Math.max(agents, 1), new Box(1, 0, Math.max(length, 2))),
                Collections.nCopies(Math.max(agents, 1), new Discrete(2)), INFO, Collections.nCopies(Math.max(agents, 1), List.of("position")));
        if (agents < 1) {
            throw new IllegalArgumentException("at least one walker is needed, got " + agents);
        }
        if (length < 2) {
            throw new IllegalArgumentException("a random walk needs length >= 2 (an interior start position), got " + length);
        }
        if (!(slip >= 0 && slip <= 1)) {
            throw new IllegalArgumentException("slip must be a probability in [0, 1], got " + slip);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
        }
        this.length = length;
        this.slip = slip;
        this.maxSteps = maxSteps;
        this.observations = new double[agents][1];
        this.positions = new int[agents];
    }

    private static List<String> walkers(int agents) {
        List<String> names = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            names.add("walker_" + i);
        }
        return names;
    }

    /** @return walker {@code agent}'s current position */
    public int position(int agent) {
        return positions[agent];
    }

    @Override
    protected void resetEpisode(RandomGenerator random, MultiStep<double[]> out) {
        t = 0;
        for (int i = 0; i < positions.length; i++) {
            positions[i] = 1 + random.nextInt(length - 1);
            observations[i][0] = positions[i];
            out.set(i, observations[i], 0.0, false, false);
        }
        out.info()[0] = 0;
    }

    @Override
    protected void advance(List<Integer> actions, MultiStep<double[]> out) {
        t++;
        int finished = 0;
        for (int i = 0; i < positions.length; i++) {
            double reward = 0.0;
            if (!atEnd(positions[i])) {
                boolean slipped = random().nextDouble() < slip;
                int direction = actions.get(i) == RandomWalkEnvironment.RIGHT ? 1 : -1;
                positions[i] += slipped ? -direction : direction;
                reward = positions[i] == length ? 1.0 : positions[i] == 0 ? -1.0 : 0.0;
            }
            boolean terminated = atEnd(positions[i]);
            finished += terminated ? 1 : 0;
            observations[i][0] = positions[i];
            out.set(i, observations[i], reward, terminated, !terminated && t >= maxSteps);
        }
        out.info()[0] = finished;
    }

    private boolean atEnd(int position) {
        return position == 0 || position == length;
    }
}
