package org.nettwin.env.slicing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.SeededRandom;
import org.nettwin.api.env.BaseMultiAgentEnvironment;
import org.nettwin.api.env.MultiStep;
import org.nettwin.api.env.Snapshottable;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Simplex;

/**
 * Inter-cell inter-slice resource partitioning (Hu et al., paper 004): one agent per cell sets
 * the shares of its slices each step; cells interfere through the load coupling
 * ({@link LoadCoupling}); each slice's users are served as a processor-sharing queue (the
 * flow-level model of Bonald and Proutiere), giving the average user throughput and packet delay
 * the reward compares with the cell's requirements.
 *
 * <p>Observation of agent {@code k} ({@link SlicingLayout}, five blocks of N per-slice values):
 * traffic demand of the coming period in Mbit/s (the baseline's perfect knowledge: offered
 * traffic plus the throughput the requirements ask for, i.e. the slice capacity at which the
 * processor-sharing model meets them; 0 for a slice without users), average user
 * throughput of the period just served (Mbit/s), slice load of that period (fraction of the
 * cell's resources), active users of the coming period, and the average slice load of the
 * neighbouring cells. Reward: {@code min_n min(thr_n / thr*_n, d*_n / d_n, 1)} (paper 004 eq. 2).
 */
final class MultiCellEnvironment extends BaseMultiAgentEnvironment<double[], double[]> implements Snapshottable {

    static final List<String> INFO = List.of("mean_reward", "min_reward", "mean_cell_load", "max_delay_ms", "unsatisfied_slices",
            "coupling_residual");

    private final Object identity;
    private final MultiCellParameters p;
    private final CellNetwork net;
    private final LoadCoupling coupling;
    private final int cells;
    private final int slices;
    private final int positions;
    private final int users;
    private final Box observationSpace;
    private final double[][] observations;
    private final double[] shares;
    private final double[] demand;
    private final double[] requirement;
    private final double[] equalShares;
    private final int[] uePosition;
    private final int[] active;
    private final int[] counts;
    private final double[] maskPhase;
    private final double[] maskNoise;
    private final double[] throughput;
    private final double[] delayMs;
    private final double[] rewards;
    private final int moveThreshold;
    private final int[] moves;
    /** The step stream, seeded from the base class's stream at every reset. */
    private final SeededRandom rng = new SeededRandom(0);
    private int period;

    /**
     * @param identity what makes two environments interchangeable for snapshots: the validated
     *                 configuration and the creation seed (which fixes the geometry)
     */
    MultiCellEnvironment(MultiCellParameters p, CellNetwork net, Object identity) {
        super(MultiCellProvider.ID, agents(p.cells()), Collections.nCopies(p.cells(), observationBox(p)),
                Collections.nCopies(p.cells(), new Simplex(p.slices())), INFO, Collections.nCopies(p.cells(), features(p.slices())));
        this.identity = identity;
        this.p = p;
        this.net = net;
        this.cells = p.cells();
        this.slices = p.slices();
        this.positions = net.positions;
        this.users = p.maxUsers();
        this.demand = p.userDemands();
        this.requirement = new double[demand.length];
        for (int k = 0; k < p.cells(); k++) {
            for (int n = 0; n < p.slices(); n++) {
                requirement[k * p.slices() + n] = p.effectiveRequirementBps(k, n);
            }
        }
        this.coupling = new LoadCoupling(net, slices, p.bandwidthHz(), demand, p.shannonAttenuation(), p.minSinr(),
                p.maxSpectralEfficiency());
        this.observationSpace = (Box) observationSpace(0);
        this.observations = new double[cells][observationSpace.dimension()];
        this.shares = new double[cells * slices];
        this.equalShares = new double[cells * slices];
        Arrays.fill(equalShares, 1.0 / slices);
        this.uePosition = new int[cells * slices * users];
        this.active = new int[cells * slices];
        this.counts = new int[cells * slices * positions];
        this.maskPhase = new double[slices];
        this.maskNoise = new double[cells * slices];
        this.throughput = new double[cells * slices];
        this.delayMs = new double[cells * slices];
        this.rewards = new double[cells];
        this.moveThreshold = (int) Math.round(p.moveProbability() * 256.0);
        this.moves = moveTable(net.rings, net.angles);
    }

    private static List<String> agents(int cells) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < cells; k++) {
            names.add("cell" + (k + 1));
        }
        return names;
    }

    /** @return every agent's observation space: the five blocks, each bounded by what the configuration allows */
    private static Box observationBox(MultiCellParameters p) {
        int slices = p.slices();
        int users = p.maxUsers();
        double[] high = new double[SlicingLayout.BLOCKS * slices];
        for (int n = 0; n < slices; n++) {
            for (int k = 0; k < p.cells(); k++) {
                high[n] = Math.max(high[n], (users * p.userDemandBps(k, n) + p.effectiveRequirementBps(k, n)) / 1e6);
            }
            high[slices + n] = p.bandwidthHz() * p.maxSpectralEfficiency() / 1e6;
            high[2 * slices + n] = 1.0;
            high[3 * slices + n] = users;
            high[4 * slices + n] = 1.0;
        }
        return new Box(new double[high.length], high);
    }

    /** @return the names of the five per-slice blocks (see the class comment), slices numbered from 1 */
    static List<String> features(int slices) {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= slices; n++) {
            names.add("slice" + n);
        }
        return SlicingLayout.features(List.of("demand_mbps", "throughput_mbps", "load", "active_users", "neighbour_load"), names);
    }

    @Override
    protected void resetEpisode(RandomGenerator random, MultiStep<double[]> out) {
        rng.setState(random.nextLong());
        period = 0;
        for (int n = 0; n < slices; n++) {
            maskPhase[n] = rng.nextDouble();
        }
        for (int i = 0; i < maskNoise.length; i++) {
            maskNoise[i] = p.maskNoise() * rng.nextGaussian();
        }
        for (int i = 0; i < uePosition.length; i++) {
            uePosition[i] = rng.nextInt(positions);
        }
        updateActiveUsers();
        // the first observation shows the default configuration (equal shares) serving period 0
        coupling.startFullyLoaded();
        serve(equalShares, Math.max(p.couplingIterations(), 20), out.info());
        observe();
        for (int k = 0; k < cells; k++) {
            out.set(k, observations[k], 0.0, false, false);
        }
    }

    @Override
    protected void advance(List<double[]> actions, MultiStep<double[]> out) {
        for (int k = 0; k < cells; k++) {
            // a Simplex action may sum to 1 +- 1e-6; normalising keeps every load within [0, 1]
            double[] a = actions.get(k);
            double sum = 0;
            for (int n = 0; n < slices; n++) {
                sum += a[n];
            }
            for (int n = 0; n < slices; n++) {
                shares[k * slices + n] = a[n] / sum;
            }
        }
        serve(shares, p.couplingIterations(), out.info());
        period++;
        moveUsers();
        updateActiveUsers();
        observe();
        // the network runs on; episodes end only by the scenario's time limit
        for (int k = 0; k < cells; k++) {
            out.set(k, observations[k], rewards[k], false, false);
        }
    }

    /** Solves the load coupling for {@code s} and computes throughput, delay and reward of every slice. */
    private void serve(double[] s, int iterations, double[] info) {
        coupling.solve(s, counts, iterations);
        double bandwidth = p.bandwidthHz();
        double sum = 0;
        double min = Double.MAX_VALUE;
        double maxDelay = 0;
        int unsatisfied = 0;
        for (int k = 0; k < cells; k++) {
            int group = MultiCellParameters.group(k);
            double reward = 1.0;
            for (int n = 0; n < slices; n++) {
                int kn = k * slices + n;
                int u = active[kn];
                double satisfaction;
                if (u == 0) {
                    throughput[kn] = 0.0;
                    delayMs[kn] = p.schedulingDelayMs();
                    satisfaction = 1.0;
                } else {
                    double share = s[kn];
                    // processor sharing over the slice: peak rate share*B*H (H = harmonic mean SE),
                    // mean flow throughput C(1 - utilisation), never below an equal split of C
                    double capacity = share * bandwidth * u / coupling.inverseSeSum[kn];
                    double utilisation = share > 0 ? coupling.need[kn] / share : Double.POSITIVE_INFINITY;
                    double thr = capacity * Math.max(1.0 - utilisation, 1.0 / u);
                    throughput[kn] = thr;
                    delayMs[kn] = thr > 0 ? Math.min(p.maxDelayMs(), p.schedulingDelayMs() + 1e3 * p.packetBits()[n] / thr) : p.maxDelayMs();
                    satisfaction = Math.min(1.0, Math.min(thr / p.throughputReqBps()[group][n], p.delayReqMs()[group][n] / delayMs[kn]));
                }
                reward = Math.min(reward, satisfaction);
                unsatisfied += satisfaction < 1.0 ? 1 : 0;
                maxDelay = Math.max(maxDelay, delayMs[kn]);
            }
            rewards[k] = reward;
            sum += reward;
            min = Math.min(min, reward);
        }
        double load = 0;
        for (int k = 0; k < cells; k++) {
            load += coupling.cellLoad[k];
        }
        info[0] = sum / cells;
        info[1] = min;
        info[2] = load / cells;
        info[3] = maxDelay;
        info[4] = unsatisfied;
        info[5] = coupling.residual();
    }

    /** Advances the traffic mask and activates the first {@code round(U * tau)} UEs of each group. */
    private void updateActiveUsers() {
        double rho = p.maskCorrelation();
        double innovation = p.maskNoise() * Math.sqrt(1.0 - rho * rho);
        Arrays.fill(counts, 0);
        for (int n = 0; n < slices; n++) {
            double base = p.maskMean() + p.maskAmplitude() * Math.sin(2.0 * Math.PI * ((double) period / p.maskPeriod() + maskPhase[n]));
            for (int k = 0; k < cells; k++) {
                int kn = k * slices + n;
                if (period > 0) {
                    maskNoise[kn] = rho * maskNoise[kn] + innovation * rng.nextGaussian();
                }
                double tau = Math.min(1.0, Math.max(0.0, base + maskNoise[kn]));
                int u = (int) Math.round(users * tau);
                active[kn] = u;
                int ue = kn * users;
                int c = kn * positions;
                for (int j = 0; j < u; j++) {
                    counts[c + uePosition[ue + j]]++;
                }
            }
        }
    }

    /**
     * Lattice random walk on each sector's rings x angles grid, reflecting at the edges. Sixteen
     * random bits per UE (8 for whether it moves, 2 for the direction) and a precomputed move
     * table keep the loop free of unpredictable branches.
     */
    private void moveUsers() {
        long bits = 0;
        for (int i = 0; i < uePosition.length; i++) {
            if ((i & 3) == 0) {
                bits = rng.nextLong();
            }
            int draw = (int) (bits & 0xFFFF);
            bits >>>= 16;
            int pos = uePosition[i];
            int moved = moves[(pos << 2) | ((draw >>> 8) & 3)];
            uePosition[i] = (draw & 0xFF) < moveThreshold ? moved : pos;
        }
    }

    /** @return for each position and direction (ring out, ring in, angle up, angle down) the position after a reflecting move */
    private static int[] moveTable(int rings, int angles) {
        int[] table = new int[rings * angles * 4];
        for (int r = 0; r < rings; r++) {
            for (int a = 0; a < angles; a++) {
                int base = (r * angles + a) * 4;
                table[base] = (r + 1 < rings ? r + 1 : Math.max(0, r - 1)) * angles + a;
                table[base + 1] = (r > 0 ? r - 1 : Math.min(rings - 1, r + 1)) * angles + a;
                table[base + 2] = r * angles + (a + 1 < angles ? a + 1 : Math.max(0, a - 1));
                table[base + 3] = r * angles + (a > 0 ? a - 1 : Math.min(angles - 1, a + 1));
            }
        }
        return table;
    }

    private void observe() {
        for (int k = 0; k < cells; k++) {
            double[] o = observations[k];
            int[] neighbours = net.neighbours[k];
            for (int n = 0; n < slices; n++) {
                int kn = k * slices + n;
                o[n] = active[kn] > 0 ? (active[kn] * demand[kn] + requirement[kn]) / 1e6 : 0.0;
                o[slices + n] = throughput[kn] / 1e6;
                o[2 * slices + n] = coupling.sliceLoad[kn];
                o[3 * slices + n] = active[kn];
                double sum = 0;
                for (int j : neighbours) {
                    sum += coupling.sliceLoad[j * slices + n];
                }
                o[4 * slices + n] = sum / neighbours.length;
            }
        }
    }

    /** @return agent {@code k}'s current observation (live; valid after a reset or a restore), for {@link OneCellEnvironment} */
    double[] observation(int k) {
        return observations[k];
    }

    // --- accessors for tests -------------------------------------------------

    /** @return the average user throughput of each slice in the last served period, bit/s: [cell * slices + slice] */
    double[] throughputs() {
        return throughput.clone();
    }

    // --- snapshots ----------------------------------------------------------------------------

    /** The complete mutable state of the environment. */
    private record State(MultiCellEnvironment owner, long baseRandom, long rng, int period, double[] maskPhase, double[] maskNoise,
            int[] uePosition, int[] active, int[] counts, double[] cellLoad, double[] throughput, double[] delayMs, double[] rewards,
            double[] observations) {
    }

    @Override
    public Object snapshot() {
        double[] obs = new double[cells * observationSpace.dimension()];
        for (int k = 0; k < cells; k++) {
            System.arraycopy(observations[k], 0, obs, k * observations[k].length, observations[k].length);
        }
        return new State(this, randomState(), rng.state(), period, maskPhase.clone(), maskNoise.clone(), uePosition.clone(),
                active.clone(), counts.clone(), coupling.cellLoad.clone(), throughput.clone(), delayMs.clone(), rewards.clone(), obs);
    }

    @Override
    public void restore(Object snapshot) {
        if (!(snapshot instanceof State s) || !(s.owner == this || compatible(s.owner))) {
            throw new IllegalArgumentException("not a snapshot of a " + MultiCellProvider.ID + " environment with this configuration");
        }
        rng.setState(s.rng);
        period = s.period;
        System.arraycopy(s.maskPhase, 0, maskPhase, 0, maskPhase.length);
        System.arraycopy(s.maskNoise, 0, maskNoise, 0, maskNoise.length);
        System.arraycopy(s.uePosition, 0, uePosition, 0, uePosition.length);
        System.arraycopy(s.active, 0, active, 0, active.length);
        System.arraycopy(s.counts, 0, counts, 0, counts.length);
        System.arraycopy(s.cellLoad, 0, coupling.cellLoad, 0, cells);
        System.arraycopy(s.throughput, 0, throughput, 0, throughput.length);
        System.arraycopy(s.delayMs, 0, delayMs, 0, delayMs.length);
        System.arraycopy(s.rewards, 0, rewards, 0, rewards.length);
        for (int k = 0; k < cells; k++) {
            System.arraycopy(s.observations, k * observations[k].length, observations[k], 0, observations[k].length);
        }
        restored(s.baseRandom, false);
    }

    private boolean compatible(MultiCellEnvironment other) {
        return other.identity.equals(identity);
    }
}
