package org.nettwin.env.uav.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The physical state and dynamics of the multi-UAV scenario, shared by the parallel and the joint
 * environment so that both views step exactly the same world.
 *
 * <p>UAVs fly at a fixed height and speed: each step a UAV either hovers or flies
 * {@code speed x stepSeconds} metres along one of {@code headings} compass headings, and is kept
 * inside the square area (a move that would leave it stops at the border). Users optionally
 * random-walk at {@code userSpeed}. Each user is served by the UAV offering it the best rate;
 * under the interference-free Friis model that is the nearest UAV (ties go to the lower index).
 * The reward is the users' average rate in Mbit/s.
 *
 * <p>User mobility uses the world's own SplitMix64 stream (a single {@code long}), seeded at
 * reset from the environment's random stream, so that a snapshot holds the complete state.
 * Nothing here allocates after construction.
 */
public final class UavWorld {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final UavParameters p;
    private final LinkBudget link;
    private final double[] cosHeading;
    private final double[] sinHeading;
    private final double heightSquared;
    final double[] uavX;
    final double[] uavY;
    final double[] userX;
    final double[] userY;
    private final double[] initialUserX;
    private final double[] initialUserY;
    private final int[] association;
    private final double[] userRate;
    private long mobilityState;
    private int step;
    private double meanRate;
    private double minRate;
    private int servingUavs;
    private double fairness;

    /**
     * @param p      the parameters
     * @param layout the creation-time generator that places users when the layout is fixed
     */
    public UavWorld(UavParameters p, RandomGenerator layout) {
        this.p = p;
        this.link = new LinkBudget(p.powerMw(), p.noiseDbmPerHz(), p.bandwidthHz(), p.carrierHz(), p.antennaGainDb());
        this.cosHeading = new double[p.headings()];
        this.sinHeading = new double[p.headings()];
        for (int k = 0; k < p.headings(); k++) {
            double angle = 2.0 * Math.PI * k / p.headings();
            // exact zeros on the axes keep a move along x from drifting in y by rounding
            cosHeading[k] = snapToAxis(Math.cos(angle));
            sinHeading[k] = snapToAxis(Math.sin(angle));
        }
        this.heightSquared = p.height() * p.height();
        this.uavX = new double[p.uavs()];
        this.uavY = new double[p.uavs()];
        this.userX = new double[p.users()];
        this.userY = new double[p.users()];
        this.initialUserX = new double[p.users()];
        this.initialUserY = new double[p.users()];
        this.association = new int[p.users()];
        this.userRate = new double[p.users()];
        placeUsers(layout, initialUserX, initialUserY);
    }

    private static double snapToAxis(double v) {
        return Math.abs(v) < 1e-12 ? 0.0 : v;
    }

    private void placeUsers(RandomGenerator random, double[] xs, double[] ys) {
        for (int u = 0; u < xs.length; u++) {
            xs[u] = random.nextDouble() * p.areaSide();
            ys[u] = random.nextDouble() * p.areaSide();
        }
    }

    /** @return the parameters */
    public UavParameters parameters() {
        return p;
    }

    /** @return the link budget in use */
    public LinkBudget link() {
        return link;
    }

    /** Starts an episode: every UAV at the hangar, users at their layout, step 0. */
    void reset(RandomGenerator random) {
        Arrays.fill(uavX, p.hangarX());
        Arrays.fill(uavY, p.hangarY());
        if (p.perEpisodeUsers()) {
            placeUsers(random, userX, userY);
        } else {
            System.arraycopy(initialUserX, 0, userX, 0, userX.length);
            System.arraycopy(initialUserY, 0, userY, 0, userY.length);
        }
        mobilityState = random.nextLong();
        step = 0;
        evaluate();
    }

    /** Applies UAV {@code uav}'s move: 0 hovers, {@code k >= 1} flies heading {@code k - 1}. */
    void move(int uav, int action) {
        if (action == 0) {
            return;
        }
        double d = p.moveDistance();
        uavX[uav] = clamp(uavX[uav] + d * cosHeading[action - 1]);
        uavY[uav] = clamp(uavY[uav] + d * sinHeading[action - 1]);
    }

    /** Ends a step after every UAV has moved: users walk, the clock advances, rates are computed. */
    void finishStep() {
        if (p.userSpeed() > 0) {
            double d = p.userSpeed() * p.stepSeconds();
            for (int u = 0; u < userX.length; u++) {
                double angle = 2.0 * Math.PI * nextUnit();
                userX[u] = clamp(userX[u] + d * Math.cos(angle));
                userY[u] = clamp(userY[u] + d * Math.sin(angle));
            }
        }
        step++;
        evaluate();
    }

    private double clamp(double v) {
        return Math.min(p.areaSide(), Math.max(0.0, v));
    }

    /** SplitMix64: the next uniform double in [0, 1) of the mobility stream. */
    private double nextUnit() {
        long z = (mobilityState += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    /** Associates every user with its best-rate (nearest) UAV and computes the rates and statistics. */
    void evaluate() {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        long servingMask = 0;
        int serving = 0;
        double sumSquares = 0;
        for (int u = 0; u < userX.length; u++) {
            int best = 0;
            double bestSquared = Double.POSITIVE_INFINITY;
            for (int k = 0; k < uavX.length; k++) {
                double dx = uavX[k] - userX[u];
                double dy = uavY[k] - userY[u];
                double squared = dx * dx + dy * dy;
                if (squared < bestSquared) {
                    bestSquared = squared;
                    best = k;
                }
            }
            association[u] = best;
            double rate = link.rateMbps(bestSquared + heightSquared);
            userRate[u] = rate;
            sum += rate;
            sumSquares += rate * rate;
            min = Math.min(min, rate);
            if (best < 64 && (servingMask & (1L << best)) == 0) {
                servingMask |= 1L << best;
                serving++;
            }
        }
        meanRate = sum / userX.length;
        minRate = min;
        servingUavs = serving;
        fairness = sumSquares > 0 ? sum * sum / (userX.length * sumSquares) : 1.0;
    }

    /** @return the users' average rate, Mbit/s: the reward */
    public double meanRate() {
        return meanRate;
    }

    /** @return the lowest user rate, Mbit/s */
    public double minRate() {
        return minRate;
    }

    /** @return how many UAVs serve at least one user */
    public int servingUavs() {
        return servingUavs;
    }

    /** @return Jain's fairness index of the user rates, in (0, 1] */
    public double fairness() {
        return fairness;
    }

    /** @return the UAV serving user {@code u} */
    public int association(int u) {
        return association[u];
    }

    /** @return user {@code u}'s current rate, Mbit/s */
    public double userRate(int u) {
        return userRate[u];
    }

    /** @return the current step of the episode */
    public int step() {
        return step;
    }


    /** @return UAV {@code i}'s x, metres */
    public double uavX(int i) {
        return uavX[i];
    }

    /** @return UAV {@code i}'s y, metres */
    public double uavY(int i) {
        return uavY[i];
    }

    /** @return user {@code u}'s x, metres */
    public double userX(int u) {
        return userX[u];
    }

    /** @return user {@code u}'s y, metres */
    public double userY(int u) {
        return userY[u];
    }

    /**
     * Places UAV {@code i} (for tests and what-if analyses on a twin); clamped into the area. Call
     * {@link #evaluate()} (or step) to refresh the rates.
     */
    public void placeUav(int i, double x, double y) {
        uavX[i] = clamp(x);
        uavY[i] = clamp(y);
    }

    /** Places user {@code u}, clamped into the area; as {@link #placeUav}. */
    public void placeUser(int u, double x, double y) {
        userX[u] = clamp(x);
        userY[u] = clamp(y);
    }

    /** Recomputes association and rates after {@link #placeUav} / {@link #placeUser}. */
    public void refresh() {
        evaluate();
    }

    /**
     * Writes a normalised observation: the positions (divided by the area side) of UAV
     * {@code first}, then the other UAVs in index order, then every user, then the elapsed
     * steps over {@code clockSteps} (at most 1). Every value lies in [0, 1].
     *
     * @param first the UAV whose position comes first (its own view), or -1 for index order
     */
    void observe(int first, double[] out) {
        double inv = 1.0 / p.areaSide();
        int o = 0;
        if (first >= 0) {
            out[o++] = uavX[first] * inv;
            out[o++] = uavY[first] * inv;
        }
        for (int k = 0; k < uavX.length; k++) {
            if (k != first) {
                out[o++] = uavX[k] * inv;
                out[o++] = uavY[k] * inv;
            }
        }
        for (int u = 0; u < userX.length; u++) {
            out[o++] = userX[u] * inv;
            out[o++] = userY[u] * inv;
        }
        out[o] = Math.min(1.0, (double) step / p.clockSteps());
    }

    /** @return the names of {@link #observe}'s values for the same {@code first} (UAVs and users numbered from 0) */
    java.util.List<String> features(int first) {
        java.util.List<String> names = new java.util.ArrayList<>();
        if (first >= 0) {
            names.add("self_x");
            names.add("self_y");
        }
        for (int k = 0; k < uavX.length; k++) {
            if (k != first) {
                names.add("uav" + k + "_x");
                names.add("uav" + k + "_y");
            }
        }
        for (int u = 0; u < userX.length; u++) {
            names.add("user" + u + "_x");
            names.add("user" + u + "_y");
        }
        names.add("clock");
        return names;
    }

    /** @return the length of an observation vector */
    int observationSize() {
        return 2 * uavX.length + 2 * userX.length + 1;
    }

    /** @return an immutable copy of the complete state */
    UavSnapshot snapshot() {
        return new UavSnapshot(p, uavX.clone(), uavY.clone(), userX.clone(), userY.clone(), mobilityState, step);
    }

    /** Restores a snapshot of a world with the same parameters. */
    void restore(Object snapshot) {
        if (!(snapshot instanceof UavSnapshot s)) {
            throw new IllegalArgumentException("not a uav/Trajectories-v1 snapshot: "
                    + (snapshot == null ? "null" : snapshot.getClass().getName()));
        }
        if (!s.parameters().equals(p)) {
            throw new IllegalArgumentException("the snapshot comes from a uav/Trajectories-v1 environment with other parameters: "
                    + s.parameters() + ", this one has " + p);
        }
        s.copyInto(uavX, uavY, userX, userY);
        mobilityState = s.mobilityState();
        step = s.step();
        evaluate();
    }

    /**
     * A saved world state. The arrays are private copies and never handed out, so the snapshot is
     * immutable.
     */
    static final class UavSnapshot {
        private final UavParameters parameters;
        private final double[] uavX;
        private final double[] uavY;
        private final double[] userX;
        private final double[] userY;
        private final long mobilityState;
        private final int step;

        UavSnapshot(UavParameters parameters, double[] uavX, double[] uavY, double[] userX, double[] userY, long mobilityState,
                int step) {
            this.parameters = parameters;
            this.uavX = uavX;
            this.uavY = uavY;
            this.userX = userX;
            this.userY = userY;
            this.mobilityState = mobilityState;
            this.step = step;
        }

        UavParameters parameters() {
            return parameters;
        }

        long mobilityState() {
            return mobilityState;
        }

        int step() {
            return step;
        }

        void copyInto(double[] ux, double[] uy, double[] sx, double[] sy) {
            System.arraycopy(uavX, 0, ux, 0, ux.length);
            System.arraycopy(uavY, 0, uy, 0, uy.length);
            System.arraycopy(userX, 0, sx, 0, sx.length);
            System.arraycopy(userY, 0, sy, 0, sy.length);
        }
    }
}
