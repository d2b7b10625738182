package org.nettwin.env.slicing.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.nettwin.api.SeededRandom;

/**
 * The packet-level core of {@code slicing/SingleCell-v1}: per-UE traffic sources, per-UE FIFO
 * queues, per-slice round-robin scheduling of resource blocks every subframe, and the counters
 * the observation and reward are computed from.
 *
 * <p>The subframe loop allocates nothing: queues are preallocated rings of {@link #CAPACITY}
 * packets per UE, each UE's bits per RB are tabulated at creation for 64 equiprobable Rayleigh
 * fading levels, and the fading level of an RB is a counter-based hash of (episode, subframe,
 * slice, RB), so a slice sees the same fading on its first RBs whatever the other slices get.
 * Traffic draws come from their own stream and do not depend on scheduling, so two runs with
 * the same seed and different splits see identical arrivals.
 */
final class PacketCell {

    /** Packets a UE's queue holds; arrivals to a full queue are dropped (and counted). */
    static final int CAPACITY = 128;
    static final int FADING_LEVELS = 64;
    private static final int MASK = CAPACITY - 1;
    private static final int VOLTE = 0;
    private static final int VIDEO = 1;

    private final SingleCellParameters p;
    private final int ues;
    private final int slices = 3;
    private final int[] sliceOf;
    /** Bits one RB carries in one subframe: [ue * FADING_LEVELS + level]. */
    private final double[] bitsPerRb;
    private final int[] maxAge;
    private final double volteBits;

    // --- mutable state (all of it is in snapshots) ---
    private final SeededRandom traffic = new SeededRandom(0);
    private long fadingKey;
    /** Subframes since the episode start; queues keep its low 32 bits, whose differences stay exact. */
    private long now;
    private final int[] qArrival;
    private final double[] qRemaining;
    private final double[] qBits;
    private final int[] qHead;
    private final int[] qCount;
    private final double[] nextArrivalMs;
    private final double[] talkEndMs;
    private final int[][] active;
    private final int[] activeCount;
    private final int[] pointer;

    // --- counters of the last decision window, per slice ---
    final double[] arrivedPackets = new double[3];
    final double[] arrivedBits = new double[3];
    final double[] completedPackets = new double[3];
    final double[] droppedPackets = new double[3];
    final double[] deliveredBits = new double[3];
    final double[] backlogSubframes = new double[3];

    PacketCell(SingleCellParameters p, RandomGenerator layout) {
        this.p = p;
        this.ues = p.users();
        this.sliceOf = new int[ues];
        int[] perSlice = p.sliceUsers();
        this.active = new int[slices][];
        for (int s = 0, u = 0; s < slices; s++) {
            active[s] = new int[perSlice[s]];
            for (int j = 0; j < perSlice[s]; j++) {
                sliceOf[u++] = s;
            }
        }
        int rbs = p.resourceBlocks();
        double rbPowerDbm = p.txPowerDbm() - 10.0 * Math.log10(rbs) + p.antennaGainDbi();
        double noiseDbm = Radio.noiseDbm(p.rbHz(), p.noiseFigureDb());
        double[] fading = fadingLevels(p.fading());
        double bitsPerHz = p.rbHz() * p.subframeMs() / 1e3;
        this.bitsPerRb = new double[ues * FADING_LEVELS];
        double r0 = p.minDistanceM();
        double r1 = p.cellRadiusM();
        for (int u = 0; u < ues; u++) {
            // uniform over the annulus [minDistance, radius] by area
            double d = Math.sqrt(r0 * r0 + layout.nextDouble() * (r1 * r1 - r0 * r0));
            double loss = Radio.logDistancePathLoss(p.pathLossInterceptDb(), p.pathLossSlopeDb(), d / 1e3)
                    + p.shadowingDb() * layout.nextGaussian();
            double snr = Radio.dbToLinear(rbPowerDbm - loss - noiseDbm);
            for (int q = 0; q < FADING_LEVELS; q++) {
                double se = Math.min(p.maxSpectralEfficiency(), Math.log(1.0 + snr * fading[q]) / Math.log(2.0));
                bitsPerRb[u * FADING_LEVELS + q] = bitsPerHz * se;
            }
        }
        this.maxAge = new int[slices];
        for (int s = 0; s < slices; s++) {
            maxAge[s] = Math.max(1, (int) Math.floor(p.latencyMs()[s] / p.subframeMs() + 1e-9));
        }
        this.volteBits = 8.0 * p.volteBytes();
        this.qArrival = new int[ues * CAPACITY];
        this.qRemaining = new double[ues * CAPACITY];
        this.qBits = new double[ues * CAPACITY];
        this.qHead = new int[ues];
        this.qCount = new int[ues];
        this.nextArrivalMs = new double[ues];
        this.talkEndMs = new double[ues];
        this.activeCount = new int[slices];
        this.pointer = new int[slices];
    }

    /**
     * @return the 64 equiprobable levels of a unit-mean exponential power gain (Rayleigh
     *         fading): the midpoint quantiles, rescaled to mean 1; all 1 without fading
     */
    static double[] fadingLevels(boolean fading) {
        double[] h = new double[FADING_LEVELS];
        double sum = 0;
        for (int q = 0; q < FADING_LEVELS; q++) {
            h[q] = fading ? -Math.log(1.0 - (q + 0.5) / FADING_LEVELS) : 1.0;
            sum += h[q];
        }
        for (int q = 0; q < FADING_LEVELS; q++) {
            h[q] *= FADING_LEVELS / sum;
        }
        return h;
    }

    /** Empties the queues and draws each source's initial state. */
    void reset(long seed) {
        traffic.setState(seed);
        fadingKey = traffic.nextLong();
        now = 0;
        Arrays.fill(qHead, 0);
        Arrays.fill(qCount, 0);
        Arrays.fill(activeCount, 0);
        Arrays.fill(pointer, 0);
        for (int u = 0; u < ues; u++) {
            switch (sliceOf[u]) {
                case VOLTE -> {
                    double talk = p.volteTalkMs();
                    double silence = p.volteSilenceMs();
                    if (traffic.nextDouble() < talk / (talk + silence)) {
                        talkEndMs[u] = talk * traffic.nextExponential();
                        nextArrivalMs[u] = traffic.nextDouble() * p.volteIntervalMs();
                    } else {
                        double start = silence * traffic.nextExponential();
                        talkEndMs[u] = start + talk * traffic.nextExponential();
                        nextArrivalMs[u] = start;
                    }
                }
                case VIDEO -> nextArrivalMs[u] = traffic.nextDouble() * p.videoMeanIntervalMs();
                default -> nextArrivalMs[u] = p.urllcMeanIntervalMs() * traffic.nextExponential();
            }
        }
    }

    /**
     * Runs one decision window: {@code subframesPerDecision} subframes with {@code rbs[s]}
     * resource blocks for slice {@code s}, refilling the window counters. Allocation-free.
     */
    void run(int[] rbs) {
        for (int s = 0; s < slices; s++) {
            arrivedPackets[s] = 0;
            arrivedBits[s] = 0;
            completedPackets[s] = 0;
            droppedPackets[s] = 0;
            deliveredBits[s] = 0;
            backlogSubframes[s] = 0;
        }
        double subframeMs = p.subframeMs();
        for (int t = 0; t < p.subframesPerDecision(); t++) {
            double startMs = now * subframeMs;
            for (int u = 0; u < ues; u++) {
                while (nextArrivalMs[u] <= startMs) {
                    arrive(u);
                }
            }
            for (int s = 0; s < slices; s++) {
                dropLate(s);
                backlogSubframes[s] += activeCount[s];
                serve(s, rbs[s]);
            }
            now++;
        }
    }

    /** Enqueues the packet due at {@code nextArrivalMs[u]} and draws the source's next arrival. */
    private void arrive(int u) {
        int s = sliceOf[u];
        double bits;
        double at = nextArrivalMs[u];
        switch (s) {
            case VOLTE -> {
                bits = volteBits;
                double next = at + p.volteIntervalMs();
                if (next >= talkEndMs[u]) {
                    // the talk spurt ends: a silence, then the next spurt starts with a packet
                    next = talkEndMs[u] + p.volteSilenceMs() * traffic.nextExponential();
                    talkEndMs[u] = next + p.volteTalkMs() * traffic.nextExponential();
                }
                nextArrivalMs[u] = next;
            }
            case VIDEO -> {
                bits = 8.0 * truncatedPareto(p.videoMeanBytes(), p.videoMaxBytes());
                nextArrivalMs[u] = at + truncatedPareto(p.videoMeanIntervalMs(), p.videoMaxIntervalMs());
            }
            default -> {
                bits = 8.0 * (p.urllcMinBytes() + traffic.nextDouble() * (p.urllcMaxBytes() - p.urllcMinBytes()));
                nextArrivalMs[u] = at + p.urllcMeanIntervalMs() * traffic.nextExponential();
            }
        }
        arrivedPackets[s]++;
        arrivedBits[s] += bits;
        int count = qCount[u];
        if (count == CAPACITY) {
            droppedPackets[s]++;
            return;
        }
        int slot = u * CAPACITY + ((qHead[u] + count) & MASK);
        qArrival[slot] = (int) now;
        qRemaining[slot] = bits;
        qBits[slot] = bits;
        qCount[u] = count + 1;
        if (count == 0) {
            active[s][activeCount[s]++] = u;
        }
    }

    /** Pareto with the given shape and (untruncated) mean, truncated at {@code max} (NGMN / Li et al.). */
    private double truncatedPareto(double mean, double max) {
        double shape = p.videoShape();
        double scale = mean * (shape - 1.0) / shape;
        // inversion, x = scale * U^(-1/shape), through exp and log: several times faster than Math.pow
        double x = scale * Math.exp(-Math.log(1.0 - traffic.nextDouble()) / shape);
        return x < max ? x : max;
    }

    /** Drops head-of-line packets that can no longer be delivered within the slice's latency budget. */
    private void dropLate(int s) {
        int[] list = active[s];
        int limit = maxAge[s];
        for (int j = 0; j < activeCount[s]; j++) {
            int u = list[j];
            while (qCount[u] > 0 && (int) now - qArrival[u * CAPACITY + qHead[u]] + 1 > limit) {
                qHead[u] = (qHead[u] + 1) & MASK;
                qCount[u]--;
                droppedPackets[s]++;
            }
            if (qCount[u] == 0) {
                remove(s, j);
                j--;
            }
        }
    }

    /** Gives the slice's RBs one at a time to its backlogged UEs in round-robin order. */
    private void serve(int s, int rbs) {
        int[] list = active[s];
        for (int rb = 0; rb < rbs && activeCount[s] > 0; rb++) {
            int j = pointer[s] < activeCount[s] ? pointer[s] : 0;
            int u = list[j];
            double capacity = bitsPerRb[u * FADING_LEVELS + fadingLevel(s, rb)];
            while (capacity > 0 && qCount[u] > 0) {
                int slot = u * CAPACITY + qHead[u];
                double take = Math.min(capacity, qRemaining[slot]);
                qRemaining[slot] -= take;
                capacity -= take;
                if (qRemaining[slot] <= 1e-9) {
                    completedPackets[s]++;
                    deliveredBits[s] += qBits[slot];
                    qHead[u] = (qHead[u] + 1) & MASK;
                    qCount[u]--;
                }
            }
            if (qCount[u] == 0) {
                remove(s, j);
                pointer[s] = j;
            } else {
                pointer[s] = j + 1;
            }
        }
    }

    /** Removes the {@code j}-th backlogged UE, keeping the round-robin order of the others. */
    private void remove(int s, int j) {
        int[] list = active[s];
        int n = --activeCount[s];
        System.arraycopy(list, j + 1, list, j, n - j);
        if (pointer[s] > j) {
            pointer[s]--;
        }
    }

    private int fadingLevel(int s, int rb) {
        long z = fadingKey + now * 0x9E3779B97F4A7C15L + ((long) s << 20 | rb) * 0xC2B2AE3D27D4EB4FL;
        // the SplitMix64 finaliser as a counter-based hash: 6 well-mixed bits pick the level
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) ((z ^ (z >>> 31)) >>> 58);
    }

    // --- snapshots ------------------------------------------------------------------------------

    /** The mutable state, deep-copied. */
    record State(long traffic, long fadingKey, long now, int[] qArrival, double[] qRemaining, double[] qBits, int[] qHead, int[] qCount,
            double[] nextArrivalMs, double[] talkEndMs, int[][] active, int[] activeCount, int[] pointer, double[][] counters) {
    }

    State save() {
        int[][] a = new int[slices][];
        for (int s = 0; s < slices; s++) {
            a[s] = active[s].clone();
        }
        double[][] counters = {arrivedPackets.clone(), arrivedBits.clone(), completedPackets.clone(), droppedPackets.clone(),
                deliveredBits.clone(), backlogSubframes.clone()};
        return new State(traffic.state(), fadingKey, now, qArrival.clone(), qRemaining.clone(), qBits.clone(), qHead.clone(),
                qCount.clone(), nextArrivalMs.clone(), talkEndMs.clone(), a, activeCount.clone(), pointer.clone(), counters);
    }

    void load(State s) {
        traffic.setState(s.traffic);
        fadingKey = s.fadingKey;
        now = s.now;
        System.arraycopy(s.qArrival, 0, qArrival, 0, qArrival.length);
        System.arraycopy(s.qRemaining, 0, qRemaining, 0, qRemaining.length);
        System.arraycopy(s.qBits, 0, qBits, 0, qBits.length);
        System.arraycopy(s.qHead, 0, qHead, 0, qHead.length);
        System.arraycopy(s.qCount, 0, qCount, 0, qCount.length);
        System.arraycopy(s.nextArrivalMs, 0, nextArrivalMs, 0, ues);
        System.arraycopy(s.talkEndMs, 0, talkEndMs, 0, ues);
        for (int k = 0; k < slices; k++) {
            System.arraycopy(s.active[k], 0, active[k], 0, active[k].length);
        }
        System.arraycopy(s.activeCount, 0, activeCount, 0, slices);
        System.arraycopy(s.pointer, 0, pointer, 0, slices);
        double[][] c = {arrivedPackets, arrivedBits, completedPackets, droppedPackets, deliveredBits, backlogSubframes};
        for (int k = 0; k < c.length; k++) {
            System.arraycopy(s.counters[k], 0, c[k], 0, slices);
        }
    }
}
