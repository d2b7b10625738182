package org.nettwin.env.urllc.internal;

import java.util.Arrays;

/**
 * The physics and economics of one URLLC upload from a vehicle on a straight road, after the
 * access-point-selection case study of Cheng et al. (paper 001, §IV-A): the vehicle moves at a
 * constant speed; an access point (AP) covers the stretch of road within its radius; a task
 * starts transmitting at once if the vehicle is inside the chosen AP's coverage, otherwise when
 * it enters it; the task fails if it cannot finish before its deadline or before the vehicle
 * leaves the coverage.
 *
 * <p>Positions are metres along the road (the vehicle drives towards larger positions), times
 * seconds, sizes Mbit, rates Mbit/s. Immutable; {@link #transmit} writes into a caller-owned
 * {@link Outcome} so that stepping allocates nothing.
 */
final class RoadModel {

    /** Outcome causes. */
    static final int SUCCESS = 0;
    /** The vehicle is past the AP's coverage, or reaches it (or its link) only after the deadline. */
    static final int UNREACHABLE = 1;
    /** The vehicle left the AP's coverage before the task was through. */
    static final int LEFT_COVERAGE = 2;
    /** The transmission was still running at the deadline (rate too low for the task). */
    static final int DEADLINE = 3;

    final double roadLength;
    final double speedMin;
    final double speedMax;
    final double[] apPosition;
    final double[] apOffset;
    final double[] apRadius;
    final double[] apRate;
    final double[] apCost;
    /** Road interval covered by each AP: {@code [coverageStart, coverageEnd]}. */
    final double[] coverageStart;
    final double[] coverageEnd;
    final double sizeMin;
    final double sizeMax;
    final double deadlineMin;
    final double deadlineMax;
    final double meanInterval;
    final double successReward;
    final double latencyWeight;
    final double costWeight;
    final double failurePenalty;
    final boolean serialUplink;
    /** Whether observations hold only position, task size and deadline (for tabular learners). */
    final boolean compactObservation;

    RoadModel(double roadLength, double[] speed, double[] apPosition, double[] apOffset, double[] apRadius, double[] apRate,
            double[] apCost, double[] size, double[] deadline, double meanInterval, double successReward, double latencyWeight,
            double costWeight, double failurePenalty, boolean serialUplink, boolean compactObservation) {
        this.roadLength = roadLength;
        this.speedMin = speed[0];
        this.speedMax = speed[1];
        this.apPosition = apPosition.clone();
        this.apOffset = apOffset.clone();
        this.apRadius = apRadius.clone();
        this.apRate = apRate.clone();
        this.apCost = apCost.clone();
        this.sizeMin = size[0];
        this.sizeMax = size[1];
        this.deadlineMin = deadline[0];
        this.deadlineMax = deadline[1];
        this.meanInterval = meanInterval;
        this.successReward = successReward;
        this.latencyWeight = latencyWeight;
        this.costWeight = costWeight;
        this.failurePenalty = failurePenalty;
        this.serialUplink = serialUplink;
        this.compactObservation = compactObservation;
        int n = apPosition.length;
        this.coverageStart = new double[n];
        this.coverageEnd = new double[n];
        for (int j = 0; j < n; j++) {
            // the AP stands apOffset metres beside the road: its disc cuts a chord of the road
            double half = Math.sqrt(apRadius[j] * apRadius[j] - apOffset[j] * apOffset[j]);
            coverageStart[j] = apPosition[j] - half;
            coverageEnd[j] = apPosition[j] + half;
        }
    }

    /** @return the number of access points */
    int aps() {
        return apPosition.length;
    }

    /** The result of one upload; reused by its owner. */
    static final class Outcome {
        /** One of {@link #SUCCESS}, {@link #UNREACHABLE}, {@link #LEFT_COVERAGE}, {@link #DEADLINE}. */
        int cause;
        /** Seconds from task creation until the transmission started ({@code +inf} if it never did). */
        double wait;
        /** Seconds from task creation until the last bit arrived; the deadline for a failed task. */
        double latency;
        /** Price of the data actually sent. */
        double cost;
        /** Time the AP's uplink is released (the end or interruption of the transmission); NaN if never used. */
        double linkReleased;
        /** The reward of the upload. */
        double reward;

        boolean success() {
            return cause == SUCCESS;
        }
    }

    /**
     * Computes the upload of a task of {@code size} Mbit created at time {@code t0} with the vehicle
     * at {@code x0} moving at {@code speed}, to AP {@code ap} whose uplink is free from
     * {@code linkFree} (ignored unless {@link #serialUplink}).
     */
    void transmit(int ap, double x0, double speed, double t0, double size, double deadline, double linkFree, Outcome out) {
        double due = t0 + deadline;
        double leave = t0 + (coverageEnd[ap] - x0) / speed;
        double enter = x0 >= coverageStart[ap] ? t0 : t0 + (coverageStart[ap] - x0) / speed;
        double start = serialUplink ? Math.max(enter, linkFree) : enter;
        out.cost = 0;
        out.linkReleased = Double.NaN;
        if (x0 > coverageEnd[ap] || start >= due || start >= leave) {
            out.cause = UNREACHABLE;
            out.wait = Double.POSITIVE_INFINITY;
            out.latency = deadline;
        } else {
            double end = start + size / apRate[ap];
            double stop = Math.min(end, Math.min(due, leave));
            out.wait = start - t0;
            out.cost = apCost[ap] * apRate[ap] * (stop - start);
            out.linkReleased = stop;
            if (end <= stop) {
                out.cause = SUCCESS;
                out.latency = end - t0;
                out.cost = apCost[ap] * size; // exact, without the rounding of rate * duration
            } else {
                out.cause = leave < due ? LEFT_COVERAGE : DEADLINE;
                out.latency = deadline;
            }
        }
        out.reward = out.success()
                ? successReward - latencyWeight * out.latency / deadline - costWeight * out.cost
                : -failurePenalty - costWeight * out.cost;
    }

    /** @return whether {@code other} describes the same road, APs, tasks and rewards */
    boolean sameAs(RoadModel other) {
        return other == this || other != null && roadLength == other.roadLength && speedMin == other.speedMin
                && speedMax == other.speedMax && Arrays.equals(apPosition, other.apPosition) && Arrays.equals(apOffset, other.apOffset)
                && Arrays.equals(apRadius, other.apRadius) && Arrays.equals(apRate, other.apRate) && Arrays.equals(apCost, other.apCost)
                && sizeMin == other.sizeMin && sizeMax == other.sizeMax && deadlineMin == other.deadlineMin
                && deadlineMax == other.deadlineMax && meanInterval == other.meanInterval && successReward == other.successReward
                && latencyWeight == other.latencyWeight && costWeight == other.costWeight && failurePenalty == other.failurePenalty
                && serialUplink == other.serialUplink && compactObservation == other.compactObservation;
    }
}
