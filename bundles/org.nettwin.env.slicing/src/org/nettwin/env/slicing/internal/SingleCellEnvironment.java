package org.nettwin.env.slicing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.env.Step;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;

/**
 * One base station slicing its bandwidth between VoLTE, video and URLLC (Li et al., IEEE
 * Access 2018). Each step is one decision: the split holds for {@code subframesPerDecision}
 * subframes of packet-level simulation ({@link PacketCell}).
 *
 * <p>Observation ({@link SlicingLayout}, five blocks of 3 per-slice values, all about the
 * decision window just simulated): offered traffic (Mbit/s), arrived packets, the fraction of
 * resolved packets delivered within the latency budget, the rate satisfaction
 * {@code min(1, rate / required)} with the rate measured while UEs are backlogged, and the
 * slice's share of the bandwidth. Reward: {@code seWeight * SE + sum_s qoeWeight_s * min(delay
 * satisfaction_s, rate satisfaction_s)} with SE the delivered bits per second per Hz.
 *
 * @param <A> the action type: {@code Integer} (index of a split) or {@code double[]} (shares)
 */
abstract sealed class SingleCellEnvironment<A> extends BaseEnvironment<double[], A> implements Snapshottable {

    static final List<String> INFO = List.of("satisfaction_volte", "satisfaction_video", "satisfaction_urllc", "throughput_volte_mbps",
            "throughput_video_mbps", "throughput_urllc_mbps", "spectral_efficiency", "dropped_packets");

    private static final int SLICES = 3;

    /** Names of the observation's five per-slice blocks, in order (see the class comment). */
    static final List<String> FEATURES = SlicingLayout.features(List.of("traffic_mbps", "packets", "in_time", "rate_satisfaction", "share"),
            SingleCellParameters.SLICES);

    final SingleCellParameters p;
    private final Object identity;
    private final PacketCell cell;
    private final double[] observation = new double[SlicingLayout.BLOCKS * SLICES];
    final int[] rbs = new int[SLICES];
    final double[] scratch = new double[SLICES];
    private final double[] satisfaction = new double[SLICES];
    private double lastReward;

    SingleCellEnvironment(SingleCellParameters p, PacketCell cell, Object identity, Space<A> actions) {
        super(SingleCellProvider.ID, newObservationSpace(), actions, INFO, FEATURES);
        this.p = p;
        this.cell = cell;
        this.identity = identity;
    }

    private static Box newObservationSpace() {
        double[] high = new double[SlicingLayout.BLOCKS * SLICES];
        Arrays.fill(high, 0, 2 * SLICES, Double.POSITIVE_INFINITY);
        Arrays.fill(high, 2 * SLICES, high.length, 1.0);
        return new Box(new double[high.length], high);
    }

    /** Writes the RBs per slice of a valid action into {@link #rbs}. */
    abstract void blocks(A action);

    @Override
    protected void resetEpisode(RandomGenerator random, Step<double[]> out) {
        cell.reset(random.nextLong());
        // the first observation is one window under the default configuration: an equal split
        Arrays.fill(scratch, 1.0 / SLICES);
        Splits.roundShares(scratch, p.resourceBlocks(), rbs, satisfaction);
        simulate(out);
        out.set(observation, 0.0, false, false);
    }

    @Override
    protected void advance(A action, Step<double[]> out) {
        blocks(action);
        double reward = simulate(out);
        // the cell runs on; episodes end only by the scenario's time limit
        out.set(observation, reward, false, false);
    }

    /** Runs one window with {@link #rbs}, fills the observation and info, and returns the reward. */
    private double simulate(Step<double[]> out) {
        cell.run(rbs);
        double seconds = p.decisionSeconds();
        double[] info = out.info();
        double reward = 0;
        double delivered = 0;
        double dropped = 0;
        for (int s = 0; s < SLICES; s++) {
            double resolved = cell.completedPackets[s] + cell.droppedPackets[s];
            double inTime = resolved > 0 ? cell.completedPackets[s] / resolved : 1.0;
            double backlogSeconds = cell.backlogSubframes[s] * p.subframeMs() / 1e3;
            double rate = backlogSeconds > 0 ? Math.min(1.0, cell.deliveredBits[s] / backlogSeconds / p.rateBps()[s]) : 1.0;
            satisfaction[s] = Math.min(inTime, rate);
            reward += p.qoeWeights()[s] * satisfaction[s];
            delivered += cell.deliveredBits[s];
            dropped += cell.droppedPackets[s];
            observation[s] = cell.arrivedBits[s] / seconds / 1e6;
            observation[SLICES + s] = cell.arrivedPackets[s];
            observation[2 * SLICES + s] = inTime;
            observation[3 * SLICES + s] = rate;
            observation[4 * SLICES + s] = (double) rbs[s] / p.resourceBlocks();
            info[s] = satisfaction[s];
            info[SLICES + s] = cell.deliveredBits[s] / seconds / 1e6;
        }
        double se = delivered / seconds / (p.resourceBlocks() * p.rbHz());
        info[6] = se;
        info[7] = dropped;
        lastReward = reward + p.seWeight() * se;
        return lastReward;
    }

    // --- snapshots ------------------------------------------------------------------------------

    /** The episode state: the packet core's and the last observation and split. */
    private record State(Object identity, long baseRandom, PacketCell.State cell, double[] observation, int[] rbs) {
    }

    @Override
    public Object snapshot() {
        return new State(identity, randomState(), cell.save(), observation.clone(), rbs.clone());
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof State s) || !s.identity.equals(identity)) {
            throw new IllegalArgumentException("not a snapshot of a " + SingleCellProvider.ID + " environment with this configuration");
        }
        cell.load(s.cell);
        System.arraycopy(s.observation, 0, observation, 0, observation.length);
        System.arraycopy(s.rbs, 0, rbs, 0, SLICES);
        restored(s.baseRandom, false);
    }

    /** The discrete variant: the action indexes the enumerated whole-MHz splits (each slice >= 1 MHz). */
    static final class Splitting extends SingleCellEnvironment<Integer> {
        private final int[][] splits;

        Splitting(SingleCellParameters p, PacketCell cell, Object identity) {
            this(p, cell, identity, Splits.enumerate(p.bandwidthMHz(), SLICES, 1));
        }

        private Splitting(SingleCellParameters p, PacketCell cell, Object identity, int[][] splits) {
            super(p, cell, identity, new Discrete(splits.length));
            this.splits = splits;
        }

        @Override
        void blocks(Integer action) {
            int[] split = splits[action];
            for (int s = 0; s < SLICES; s++) {
                rbs[s] = split[s] * p.rbPerMHz();
            }
        }

        /** @return the split (MHz per slice) of an action index */
        int[] split(int action) {
            return splits[action].clone();
        }
    }

    /** The continuous variant: shares of the bandwidth, rounded to whole RBs (a slice may get none). */
    static final class Sharing extends SingleCellEnvironment<double[]> {
        private final double[] remainders = new double[SLICES];

        Sharing(SingleCellParameters p, PacketCell cell, Object identity) {
            super(p, cell, identity, new Simplex(SLICES));
        }

        @Override
        void blocks(double[] action) {
            Splits.roundShares(action, p.resourceBlocks(), rbs, remainders);
        }
    }
}
