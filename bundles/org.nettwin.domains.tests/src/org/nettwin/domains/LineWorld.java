package org.nettwin.domains;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;

/**
 * A small known MDP: cells {@code 0..L−1} on a line, the agent starts in cell {@code start};
 * action 0 stays, 1 moves right, 2 moves left (walls hold). The reward of a step is
 * {@code value[cell after the move]}; reaching the last cell terminates; episodes are truncated
 * after {@code limit} steps. Observation {@code cell / (L − 1)}. Deterministic, Snapshottable.
 */
final class LineWorld extends BaseEnvironment<double[], Integer> implements Snapshottable {

    private final double[] value;
    private final int start;
    private final int limit;
    private final double[] obs = new double[1];
    private int cell;
    private int t;

    private record State(int cell, int t, long random, boolean over) {
    }

    LineWorld(double[] value, int start, int limit) {
        super("line", new Box(1, 0, 1), new Discrete(3), List.of(), List.of("cell"));
        this.value = value.clone();
        this.start = start;
        this.limit = limit;
    }

    /** @return the cell after {@code action} from {@code from} */
    int move(int from, int action) {
        return switch (action) {
            case 1 -> Math.min(value.length - 1, from + 1);
            case 2 -> Math.max(0, from - 1);
            default -> from;
        };
    }

    double value(int c) {
        return value[c];
    }

    boolean terminal(int c) {
        return c == value.length - 1;
    }

    double observe(int c) {
        return c / (double) (value.length - 1);
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        cell = start;
        t = 0;
        obs[0] = observe(cell);
        out.set(obs, 0, false, false);
    }

    @Override
    protected void advance(Integer action, Step<double[]> out) {
        cell = move(cell, action);
        t++;
        obs[0] = observe(cell);
        boolean terminated = terminal(cell);
        out.set(obs, value[cell], terminated, !terminated && t >= limit);
    }

    @Override
    public Object snapshot() {
        return new State(cell, t, randomState(), terminal(cell) || t >= limit);
    }

    @Override
    public void restore(Object snapshot) {
        State s = (State) snapshot;
        cell = s.cell;
        t = s.t;
        restored(s.random, s.over);
    }
}
