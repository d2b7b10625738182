package org.nettwin.env.admission.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nettwin.api.env.MdpTables;

/**
 * The dynamics of multi-class admission control at a shared resource (a stochastic knapsack, or
 * multiservice loss system, in discrete time, with an optional FIFO waiting room), shared by the
 * simulator and the exact tables so that both describe one process.
 *
 * <p>The system is an {@code int[]} of {@code K + W} entries: the number {@code n[k]} of
 * class-{@code k} requests in service (each holding {@code demand[k]} of the {@code capacity}
 * resource units), then the {@code W} waiting-room slots from the head, each {@code 0} (empty)
 * or {@code 1..K} (a waiting request of class {@code slot-1}); occupied slots come first. A
 * state is the system plus the class {@code q} of the request pending a decision ({@code 0} =
 * none). One decision epoch:
 * <ol>
 * <li>the decision: an admitted request enters service if the waiting room is empty and it fits,
 * else it waits if the room has a free slot; admitted either way it earns its revenue. If it
 * can do neither, the resource is overloaded (the request is dropped, the overload penalty
 * paid). Rejecting a pending request pays its class's blocking penalty;</li>
 * <li>the holding cost of the units in use and the delay penalty of the waiting requests after
 * the decision are paid;</li>
 * <li>each request in service completes independently with its class's completion probability
 * (geometric holding times, so class-{@code k} departures are Binomial(n[k], mu[k]));</li>
 * <li>waiting requests enter service in FIFO order while the head fits;</li>
 * <li>the next pending request is class {@code k} with probability {@code arrival[k]}, or none
 * with {@code 1 - sum(arrival)} (uniformised Poisson arrivals: at most one per epoch).</li>
 * </ol>
 * Rewards depend only on the state and the action, so {@code R(s,a)} is exact, not an average.
 */
final class AdmissionModel {

    /** No request is pending. */
    static final int NONE = 0;
    /** Outcome of {@link #decide}: nothing was pending. */
    static final int IDLE = 0;
    /** Outcome of {@link #decide}: the request entered service. */
    static final int ADMITTED = 1;
    /** Outcome of {@link #decide}: the request was rejected. */
    static final int REJECTED = 2;
    /** Outcome of {@link #decide}: admitted without room in service or waiting room, so dropped. */
    static final int OVERLOADED = 3;
    /** Outcome of {@link #decide}: the request was admitted into the waiting room. */
    static final int QUEUED = 4;

    final int capacity;
    final int classes;
    final int waitingRoom;
    final int[] demand;
    final double[] revenue;
    final double[] arrival;
    final double[] completion;
    final double[] blockingPenalty;
    final double overloadPenalty;
    final double holdingCost;
    final double delayPenalty;

    /** Largest possible count of each class: {@code capacity / demand[k]}. */
    final int[] maxCount;
    /** Occupancy index -> counts; the feasible vectors in mixed-radix order. */
    final int[][] occupancies;
    /** Mixed-radix code of a count vector (radix {@code maxCount[k]+1}) -> occupancy index. */
    private final int[] occupancyOfCode;
    /** Queue index -> slots (occupied slots first). */
    final int[][] queues;
    /** Radix-(K+1) code of the slots -> queue index, -1 for slots with gaps. */
    private final int[] queueOfCode;
    /** Departure distributions: {@code departurePmf[k][n][j] = P(j of n class-k requests complete)}. */
    final double[][][] departurePmf;
    /** Cumulative form of {@link #departurePmf}, with the last entry forced to 1 for sampling. */
    final double[][][] departureCdf;
    /** Pending class distribution over {@code 0..K} (0 = none). */
    final double[] pendingPmf;
    /** Cumulative form of {@link #pendingPmf}. */
    final double[] pendingCdf;

    private MdpTables tables;

    AdmissionModel(AdmissionConfig config) {
        this.capacity = config.capacity();
        this.demand = AdmissionConfig.ints(config.demands());
        this.classes = demand.length;
        this.waitingRoom = config.waitingRoom();
        this.revenue = AdmissionConfig.doubles(config.revenues());
        this.arrival = AdmissionConfig.doubles(config.arrivalProbabilities());
        this.completion = AdmissionConfig.doubles(config.completionProbabilities());
        this.blockingPenalty = AdmissionConfig.doubles(config.blockingPenalties());
        this.overloadPenalty = config.overloadPenalty();
        this.holdingCost = config.holdingCost();
        this.delayPenalty = config.delayPenalty();
        this.maxCount = new int[classes];
        long codes = 1;
        for (int k = 0; k < classes; k++) {
            maxCount[k] = capacity / demand[k];
            codes *= maxCount[k] + 1;
        }
        this.occupancyOfCode = new int[Math.toIntExact(codes)];
        this.occupancies = enumerateOccupancies();
        this.queueOfCode = new int[Math.toIntExact(pow(classes + 1, waitingRoom))];
        this.queues = enumerateQueues();
        this.departurePmf = new double[classes][][];
        this.departureCdf = new double[classes][][];
        for (int k = 0; k < classes; k++) {
            departurePmf[k] = new double[maxCount[k] + 1][];
            departureCdf[k] = new double[maxCount[k] + 1][];
            for (int n = 0; n <= maxCount[k]; n++) {
                departurePmf[k][n] = binomial(n, completion[k]);
                departureCdf[k][n] = cumulative(departurePmf[k][n]);
            }
        }
        this.pendingPmf = new double[classes + 1];
        double none = 1.0;
        for (int k = 0; k < classes; k++) {
            pendingPmf[k + 1] = arrival[k];
            none -= arrival[k];
        }
        pendingPmf[NONE] = Math.max(0.0, none);
        this.pendingCdf = cumulative(pendingPmf);
    }

    private static long pow(int base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }

    /** @return the number of waiting-room contents: sequences of 0..W classes */
    static long countQueues(int classes, int waitingRoom) {
        long c = 0;
        for (int j = 0; j <= waitingRoom; j++) {
            c += pow(classes, j);
        }
        return c;
    }

    /** @return the number of states with the given parameters, without building anything (for validation) */
    static long countStates(int capacity, int[] demand, int waitingRoom) {
        return countOccupancies(capacity, demand, 0) * countQueues(demand.length, waitingRoom) * (demand.length + 1);
    }

    private static long countOccupancies(int free, int[] demand, int k) {
        if (k == demand.length) {
            return 1;
        }
        long c = 0;
        for (int n = 0; n * demand[k] <= free; n++) {
            c += countOccupancies(free - n * demand[k], demand, k + 1);
        }
        return c;
    }

    private int[][] enumerateOccupancies() {
        Arrays.fill(occupancyOfCode, -1);
        List<int[]> out = new ArrayList<>();
        int[] n = new int[classes];
        while (true) {
            if (used(n) <= capacity) {
                occupancyOfCode[code(n)] = out.size();
                out.add(n.clone());
            }
            int k = classes - 1;
            while (k >= 0 && n[k] == maxCount[k]) {
                n[k--] = 0;
            }
            if (k < 0) {
                return out.toArray(new int[0][]);
            }
            n[k]++;
        }
    }

    private int[][] enumerateQueues() {
        Arrays.fill(queueOfCode, -1);
        List<int[]> out = new ArrayList<>();
        int[] slots = new int[waitingRoom];
        for (int c = 0; c < queueOfCode.length; c++) {
            int rest = c;
            for (int i = waitingRoom - 1; i >= 0; i--) {
                slots[i] = rest % (classes + 1);
                rest /= classes + 1;
            }
            boolean gapless = true;
            for (int i = 1; i < waitingRoom; i++) {
                gapless &= slots[i] == 0 || slots[i - 1] != 0;
            }
            if (gapless) {
                queueOfCode[c] = out.size();
                out.add(slots.clone());
            }
        }
        return out.toArray(new int[0][]);
    }

    /** @return the binomial distribution of completions among {@code n} requests */
    private static double[] binomial(int n, double p) {
        double[] pmf = new double[n + 1];
        double choose = 1.0;
        for (int j = 0; j <= n; j++) {
            pmf[j] = choose * Math.pow(p, j) * Math.pow(1 - p, n - j);
            choose = choose * (n - j) / (j + 1);
        }
        return pmf;
    }

    private static double[] cumulative(double[] pmf) {
        double[] cdf = new double[pmf.length];
        double c = 0;
        for (int i = 0; i < pmf.length; i++) {
            c += pmf[i];
            cdf[i] = c;
        }
        // rounding must never leave a uniform draw in [0,1) without an outcome; the last outcome
        // with positive probability absorbs the rounding error
        int last = pmf.length - 1;
        while (last > 0 && pmf[last] == 0) {
            last--;
        }
        for (int i = last; i < cdf.length; i++) {
            cdf[i] = 1.0;
        }
        return cdf;
    }

    /** @return the smallest index {@code i} with {@code u < cdf[i]}, for {@code u} in [0, 1) */
    static int inverse(double[] cdf, double u) {
        int i = 0;
        while (u >= cdf[i]) {
            i++;
        }
        return i;
    }

    /** @return the length of a system vector: counts, then waiting-room slots */
    int systemLength() {
        return classes + waitingRoom;
    }

    /** @return resource units held by the counts in the first {@code classes} entries of {@code sys} */
    int used(int[] sys) {
        int u = 0;
        for (int k = 0; k < classes; k++) {
            u += sys[k] * demand[k];
        }
        return u;
    }

    /** @return the number of requests in the waiting room of {@code sys} */
    int waiting(int[] sys) {
        int w = 0;
        while (w < waitingRoom && sys[classes + w] != 0) {
            w++;
        }
        return w;
    }

    private int code(int[] n) {
        int c = 0;
        for (int k = 0; k < classes; k++) {
            c = c * (maxCount[k] + 1) + n[k];
        }
        return c;
    }

    /** @return the occupancy index of the counts in the first {@code classes} entries of {@code n}, or -1 if infeasible */
    int occupancyIndex(int[] n) {
        int c = 0;
        for (int k = 0; k < classes; k++) {
            if (n[k] < 0 || n[k] > maxCount[k]) {
                return -1;
            }
            c = c * (maxCount[k] + 1) + n[k];
        }
        return occupancyOfCode[c];
    }

    /** @return the index of the system {@code sys} (counts and slots), or -1 if it is not a valid system */
    int systemIndex(int[] sys) {
        int occupancy = occupancyIndex(sys);
        int c = 0;
        for (int i = 0; i < waitingRoom; i++) {
            int slot = sys[classes + i];
            if (slot < 0 || slot > classes) {
                return -1;
            }
            c = c * (classes + 1) + slot;
        }
        int queue = queueOfCode[c];
        return occupancy < 0 || queue < 0 ? -1 : occupancy * queues.length + queue;
    }

    /** Writes the system with index {@code index} into {@code sys}. */
    void system(int index, int[] sys) {
        System.arraycopy(occupancies[index / queues.length], 0, sys, 0, classes);
        System.arraycopy(queues[index % queues.length], 0, sys, classes, waitingRoom);
    }

    /** @return number of states: systems times pending classes (including none) */
    int stateCount() {
        return occupancies.length * queues.length * (classes + 1);
    }

    /** @return the state index of system {@code system} with pending class {@code pending} */
    int state(int system, int pending) {
        return system * (classes + 1) + pending;
    }

    /**
     * Applies the decision to the system {@code sys} (in place) for the pending class.
     *
     * @param action 1 admit, 0 reject
     * @return {@link #IDLE}, {@link #ADMITTED}, {@link #QUEUED}, {@link #REJECTED} or {@link #OVERLOADED}
     */
    int decide(int[] sys, int pending, int action) {
        if (pending == NONE) {
            return IDLE;
        }
        if (action == 0) {
            return REJECTED;
        }
        int k = pending - 1;
        int waiting = waiting(sys);
        // FIFO: a newcomer may not overtake waiting requests
        if (waiting == 0 && used(sys) + demand[k] <= capacity) {
            sys[k]++;
            return ADMITTED;
        }
        if (waiting < waitingRoom) {
            sys[classes + waiting] = pending;
            return QUEUED;
        }
        return OVERLOADED;
    }

    /** Moves waiting requests into service, head first, while the head fits. */
    void promote(int[] sys) {
        int free = capacity - used(sys);
        while (waitingRoom > 0 && sys[classes] != 0 && demand[sys[classes] - 1] <= free) {
            int k = sys[classes] - 1;
            sys[k]++;
            free -= demand[k];
            System.arraycopy(sys, classes + 1, sys, classes, waitingRoom - 1);
            sys[classes + waitingRoom - 1] = 0;
        }
    }

    /** @return the reward of a decision with {@code outcome} for {@code pending}, leaving the system {@code after} */
    double reward(int outcome, int pending, int[] after) {
        double r = -holdingCost * used(after) - delayPenalty * waiting(after);
        return switch (outcome) {
            case ADMITTED, QUEUED -> r + revenue[pending - 1];
            case REJECTED -> r - blockingPenalty[pending - 1];
            case OVERLOADED -> r - overloadPenalty;
            default -> r;
        };
    }

    /**
     * @return the exact tables of this model: the same decision, reward, departure, promotion and
     *         arrival laws the simulator samples, enumerated. Built once; needs
     *         {@code 16 * stateCount()^2} bytes transiently (the table builder is dense per row).
     */
    synchronized MdpTables tables() {
        if (tables == null) {
            tables = buildTables();
        }
        return tables;
    }

    private MdpTables buildTables() {
        MdpTables.Builder b = MdpTables.builder(stateCount(), 2);
        int systems = occupancies.length * queues.length;
        int[] start = new int[systemLength()];
        int[] after = new int[systemLength()];
        int[] next = new int[systemLength()];
        int[] gone = new int[classes];
        int empty = systemIndex(new int[systemLength()]);
        for (int si = 0; si < systems; si++) {
            system(si, start);
            for (int q = 0; q <= classes; q++) {
                int s = state(si, q);
                b.initial(s, si == empty ? pendingPmf[q] : 0.0);
                for (int a = 0; a < 2; a++) {
                    System.arraycopy(start, 0, after, 0, after.length);
                    int outcome = decide(after, q, a);
                    b.reward(s, a, reward(outcome, q, after));
                    // enumerate every departure vector j <= n (mixed radix), product of binomials
                    Arrays.fill(gone, 0);
                    while (true) {
                        double p = 1.0;
                        System.arraycopy(after, 0, next, 0, next.length);
                        for (int k = 0; k < classes; k++) {
                            p *= departurePmf[k][after[k]][gone[k]];
                            next[k] -= gone[k];
                        }
                        if (p > 0) {
                            promote(next);
                            int nextSystem = systemIndex(next);
                            for (int q2 = 0; q2 <= classes; q2++) {
                                if (pendingPmf[q2] > 0) {
                                    b.transition(s, a, state(nextSystem, q2), p * pendingPmf[q2]);
                                }
                            }
                        }
                        int k = classes - 1;
                        while (k >= 0 && gone[k] == after[k]) {
                            gone[k--] = 0;
                        }
                        if (k < 0) {
                            break;
                        }
                        gone[k]++;
                    }
                }
            }
        }
        return b.build();
    }

    /** @return whether {@code other} describes the same dynamics (snapshots may move between such models) */
    boolean sameAs(AdmissionModel other) {
        return other == this || other != null && capacity == other.capacity
                && waitingRoom == other.waitingRoom && Arrays.equals(demand, other.demand) && Arrays.equals(revenue, other.revenue)
                && Arrays.equals(arrival, other.arrival) && Arrays.equals(completion, other.completion)
                && Arrays.equals(blockingPenalty, other.blockingPenalty)
                && Double.compare(overloadPenalty, other.overloadPenalty) == 0
                && Double.compare(holdingCost, other.holdingCost) == 0
                && Double.compare(delayPenalty, other.delayPenalty) == 0;
    }
}
