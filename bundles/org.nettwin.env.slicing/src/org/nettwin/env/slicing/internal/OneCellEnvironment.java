package org.nettwin.env.slicing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Simplex;

/**
 * One cell of {@link MultiCellEnvironment} as a single-agent environment ({@code controlledCell}
 * = k >= 1): the agent sets cell k's slice shares and receives cell k's reward and observation,
 * while every other cell follows the traffic-aware rule ({@link SlicingRule#TRAFFIC_AWARE}, the
 * {@code baseline/traffic-aware} policy) on its own observation. The cells still interfere through
 * the load coupling, so the agent learns against a network run by the baseline.
 *
 * <p>Each episode seeds the wrapped network's reset from this environment's stream; a snapshot is
 * the wrapped network's snapshot plus that stream. A step allocates nothing.
 */
final class OneCellEnvironment extends BaseEnvironment<double[], double[]> implements Snapshottable {

    private final MultiCellEnvironment network;
    private final int cell;
    private final double[][] actions;
    private final List<double[]> actionList;
    /** The wrapped network's step object (the same one every call): reward and flags of the last step. */
    private MultiStep<double[]> last;

    /** @param cell the controlled cell, 0-based */
    OneCellEnvironment(MultiCellEnvironment network, int cell) {
        super(MultiCellProvider.ID + "[cell" + (cell + 1) + "]", network.observationSpace(cell), network.actionSpace(cell),
                network.infoNames(), network.observationFeatures(cell));
        this.network = network;
        this.cell = cell;
        int cells = network.possibleAgents().size();
        int slices = ((Simplex) network.actionSpace(cell)).n();
        this.actions = new double[cells][slices];
        this.actionList = Arrays.asList(actions); // a fixed view over the reused rows: stepping allocates no list
    }

    /** @return the controlled cell, 0-based */
    int cell() {
        return cell;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        last = network.reset(random.nextLong());
        publish(out);
    }

    @Override
    protected void advance(double[] action, Step<double[]> out) {
        for (int k = 0; k < actions.length; k++) {
            if (k == cell) {
                System.arraycopy(action, 0, actions[k], 0, action.length);
            } else {
                SlicingRule.TRAFFIC_AWARE.shares(network.observation(k), actions[k]);
            }
        }
        last = network.step(actionList);
        publish(out);
    }

    private void publish(Step<double[]> out) {
        System.arraycopy(last.info(), 0, out.info(), 0, out.info().length);
        out.set(last.observation(cell), last.reward(cell), last.terminated(cell), last.truncated(cell));
    }

    // --- snapshots ----------------------------------------------------------------------------

    private record State(OneCellEnvironment owner, long baseRandom, Object network) {
    }

    @Override
    public Object snapshot() {
        return new State(this, randomState(), network.snapshot());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof State s) || s.owner.cell != cell) {
            throw new IllegalArgumentException("not a snapshot of " + name() + " with this configuration");
        }
        // the wrapped network checks that configuration and layout match
        network.restore(s.network);
        // the network never ends an episode itself (the scenario's time limit does)
        restored(s.baseRandom, false);
    }
}
