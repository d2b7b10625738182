package org.nettwin.env.admission.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code admission/Control-v1}, each parameter declared once (the episode
 * length is the scenario's {@code timeLimit}). The compact constructor checks what a parameter
 * alone cannot: list lengths, the arrival sum and the size of the state space.
 */
public record AdmissionConfig(
        @Param(value = "10", doc = "resource units of the shared resource (e.g. bandwidth units of a link)", min = 1, max = 10_000) int capacity,
        @Param(value = "[1, 2]", doc = "units one request of each class holds while in service; the list length is the number of classes "
                + "(1 to 8)", min = 1, max = 10_000) List<Integer> demands,
        @Param(value = "[1.0, 5.0]", doc = "revenue earned when a request of each class is admitted", min = 0.0, max = 1e6) List<Double> revenues,
        @Param(value = "[0.4, 0.2]", doc = "probability per epoch that the pending request is of each class (sum at most 1; the rest is "
                + "'no request')", min = 0.0, max = 1.0) List<Double> arrivalProbabilities,
        @Param(value = "[0.05, 0.05]", doc = "probability per epoch that one request of each class in service completes (mean holding time "
                + "1/p epochs)", min = 0.0, max = 1.0) List<Double> completionProbabilities,
        @Param(value = "[0.0, 0.5]", doc = "QoS penalty for rejecting a request of each class", min = 0.0, max = 1e6) List<Double> blockingPenalties,
        @Param(value = "2.0", doc = "QoS penalty for admitting a request that does not fit (the resource is overloaded and the request "
                + "dropped)", min = 0.0, max = 1e6) double overloadPenalty,
        @Param(value = "0.0", doc = "operating cost per resource unit in use per epoch", min = 0.0, max = 1e6) double holdingCost,
        @Param(value = "0", doc = "FIFO waiting places for admitted requests that do not fit at once (0 = a pure loss system)", min = 0,
                max = AdmissionConfig.MAX_WAITING) int waitingRoom,
        @Param(value = "0.1", doc = "QoS penalty per waiting request per epoch (delay)", min = 0.0, max = 1e6) double delayPenalty) {

    /** Decision epochs per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 200;
    /** Largest number of request classes. */
    static final int MAX_CLASSES = 8;
    /** Largest state space accepted; the exact tables need 16 bytes per state squared to build. */
    static final long MAX_STATES = 1_000_000;
    /** Largest waiting room; the number of its contents grows as K^W. */
    static final int MAX_WAITING = 4;
    /** Largest index over count vectors (product of per-class maxima plus one) the state lookup may hold. */
    static final long MAX_INDEX = 1L << 24;

    /** @throws ConfigException naming each offending field and its allowed range */
    public AdmissionConfig {
        demands = List.copyOf(demands);
        revenues = List.copyOf(revenues);
        arrivalProbabilities = List.copyOf(arrivalProbabilities);
        completionProbabilities = List.copyOf(completionProbabilities);
        blockingPenalties = List.copyOf(blockingPenalties);
        List<ConfigException.Problem> problems = new ArrayList<>();
        int k = demands.size();
        if (k < 1 || k > MAX_CLASSES) {
            problems.add(new ConfigException.Problem("demands", "must have 1 to " + MAX_CLASSES + " elements (one per class), got " + k));
        }
        sameLength(problems, "revenues", revenues.size(), k);
        sameLength(problems, "arrivalProbabilities", arrivalProbabilities.size(), k);
        sameLength(problems, "completionProbabilities", completionProbabilities.size(), k);
        sameLength(problems, "blockingPenalties", blockingPenalties.size(), k);
        for (int i = 0; i < k; i++) {
            if (demands.get(i) > capacity) {
                problems.add(new ConfigException.Problem("demands", "element " + i + " must be in [1, capacity = " + capacity
                        + "] (a request larger than the resource can never be served), got " + demands.get(i)));
            }
        }
        double sum = arrivalProbabilities.stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1.0 + 1e-12) {
            problems.add(new ConfigException.Problem("arrivalProbabilities",
                    "must sum to a value in [0, 1] (at most one request per epoch), got " + sum));
        }
        if (problems.isEmpty()) {
            // the index box bounds the enumeration, so it is checked before counting states
            long box = 1;
            for (int d : demands) {
                box = Math.min(MAX_INDEX + 1, box * (capacity / d + 1));
            }
            long states = box > MAX_INDEX ? Long.MAX_VALUE : AdmissionModel.countStates(capacity, ints(demands), waitingRoom);
            if (box > MAX_INDEX || states > MAX_STATES) {
                problems.add(new ConfigException.Problem("capacity", "with demands " + demands + " gives "
                        + (box > MAX_INDEX ? "more than " + MAX_INDEX + " count vectors to index" : states + " states")
                        + "; at most " + MAX_STATES + " states and " + MAX_INDEX
                        + " count vectors are supported: lower capacity or waitingRoom, or raise demands"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static void sameLength(List<ConfigException.Problem> problems, String field, int length, int classes) {
        if (length != classes) {
            problems.add(new ConfigException.Problem(field, "must have one element per class (" + classes
                    + ", the length of demands), got " + length));
        }
    }

    static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
