package org.nettwin.api.testkit;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * A small, exactly known environment: a walk on the positions {@code 0 ... length}. The agent
 * chooses {@link #LEFT} or {@link #RIGHT}; with probability {@code slip} it moves the other way.
 * An episode starts at a position drawn uniformly from {@code 1 ... length-1}, terminates at either
 * end (reward +1 at {@code length}, -1 at 0, otherwise 0) and is truncated after
 * {@code maxSteps} steps. The observation is the position, in a one-coordinate
 * {@code Box(0, length)}; the info values are {@code position} and {@code slipped} (1 when the
 * move went the other way).
 *
 * <p>It extends {@link BaseEnvironment}, so it passes {@link EnvironmentConformance}, and it is a
 * {@link FiniteMdp} whose {@link #tables()} give the exact dynamics (the terminal positions are
 * absorbing with reward 0; truncation is a time limit outside the tables). That makes it a
 * reference for testing learners, tabular twins and similarity metrics against known values.
 *
 * <p>Stepping allocates nothing; the observation array is reused, as the {@code Step} contract
 * allows.
 *
 * @since 0.1
 */
public final class RandomWalkEnvironment extends BaseEnvironment<double[], Integer> implements FiniteMdp<double[]> {

    /** The environment's id, used in messages. */
    public static final String ID = "testkit/RandomWalk-v1";
    /** The action moving towards position 0. */
    public static final int LEFT = 0;
    /** The action moving towards position {@code length}. */
    public static final int RIGHT = 1;

    private static final List<String> INFO = List.of("position", "slipped");

    private final int length;
    private final double slip;
    private final int maxSteps;
    private final double[] observation = new double[1];
    private int position;
    private int t;
    private MdpTables tables;

    /** A walk on positions 0 ... 10 with slip probability 0.1, truncated after 100 steps. */
    public RandomWalkEnvironment() {
        this(10, 0.1, 100);
    }

    /**
     * @param length   the right end; positions are {@code 0 ... length}, at least 2
     * @param slip     probability in {@code [0, 1]} that a move goes the other way
     * @param maxSteps steps after which an episode is truncated, at least 1
     */
    public RandomWalkEnvironment(int length, double slip, int maxSteps) {
        // the space is built before the checks below, from a length they will accept
        super(ID, new Box(1, 0, Math.max(length, 2)), new Discrete(2), INFO, List.of("position"));
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
    }

    /** @return the current position */
    public int position() {
        return position;
    }

    /** @return the right end of the line */
    public int length() {
        return length;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        position = 1 + random.nextInt(length - 1);
        t = 0;
        observation[0] = position;
        out.info()[0] = position;
        out.info()[1] = 0;
        out.set(observation, 0.0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        boolean slipped = random().nextDouble() < slip;
        int direction = action == RIGHT ? 1 : -1;
        position += slipped ? -direction : direction;
        t++;
        boolean terminated = position == 0 || position == length;
        observation[0] = position;
        out.info()[0] = position;
        out.info()[1] = slipped ? 1 : 0;
        out.set(observation, endReward(position), terminated, !terminated && t >= maxSteps);
    }

    private double endReward(int p) {
        return p == length ? 1.0 : p == 0 ? -1.0 : 0.0;
    }

    @Override
    public synchronized MdpTables tables() {
        if (tables == null) {
            MdpTables.Builder b = MdpTables.builder(length + 1, 2);
            for (int s = 0; s <= length; s++) {
                for (int a = 0; a < 2; a++) {
                    if (s == 0 || s == length) {
                        b.transition(s, a, s, 1.0).reward(s, a, 0.0);
                    } else {
                        int intended = s + (a == RIGHT ? 1 : -1);
                        int other = s - (a == RIGHT ? 1 : -1);
                        b.transition(s, a, intended, 1.0 - slip).transition(s, a, other, slip);
                        b.reward(s, a, (1.0 - slip) * endReward(intended) + slip * endReward(other));
                    }
                }
                b.initial(s, s == 0 || s == length ? 0.0 : 1.0 / (length - 1));
            }
            tables = b.build();
        }
        return tables;
    }

    @Override
    public int stateIndex(double[] observation) {
        if (!observationSpace().contains(observation) || observation[0] != Math.rint(observation[0])) {
            throw new IllegalArgumentException("not a position of " + ID + " on 0 ... " + length + ": "
                    + java.util.Arrays.toString(observation));
        }
        return (int) observation[0];
    }

    @Override
    public int actionIndex(Object action) {
        if (!(action instanceof Integer a) || !actionSpace().contains(a)) {
            throw new IllegalArgumentException("not an action of " + ID + " (" + actionSpace().describe() + "): " + action);
        }
        return a;
    }
}
