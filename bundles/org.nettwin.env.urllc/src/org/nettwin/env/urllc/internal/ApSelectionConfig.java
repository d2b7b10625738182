package org.nettwin.env.urllc.internal;

import java.util.ArrayList;
import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code urllc/ApSelection-v1}, each parameter declared once. An episode ends
 * when the vehicle reaches the end of the road (termination), so the scenario's {@code timeLimit}
 * is 0 (none) by default. The compact constructor checks what a parameter alone cannot: list
 * lengths, [min, max] pairs and positions relative to the road.
 */
public record ApSelectionConfig(
        @Param(value = "1000.0", doc = "length of the straight road, m; the episode ends when the vehicle reaches it", min = 10.0,
                max = 100_000.0) double roadLength,
        @Param(value = "[15.0, 25.0]", doc = "[min, max] m/s: the vehicle's constant speed, drawn uniformly per episode", min = 0.1,
                max = ApSelectionEnvironment.SPEED_SCALE) List<Double> speed,
        @Param(value = "[150.0, 350.0, 500.0, 650.0, 850.0]", doc = "position of each access point along the road, m (within [0, "
                + "roadLength]); the list length is the number of APs", min = 0.0, max = 100_000.0) List<Double> apPositions,
        @Param(value = "[10.0, 10.0, 50.0, 10.0, 10.0]", doc = "distance of each AP from the road, m (below its radius)", min = 0.0,
                max = 100_000.0) List<Double> apOffsets,
        @Param(value = "[100.0, 60.0, 700.0, 60.0, 100.0]", doc = "coverage radius of each AP, m", min = 1.0, max = 100_000.0) List<Double> apRadii,
        @Param(value = "[100.0, 400.0, 20.0, 400.0, 100.0]", doc = "uplink rate of each AP, Mbit/s", min = 0.001, max = 100_000.0) List<Double> apRates,
        @Param(value = "[0.02, 0.05, 0.1, 0.05, 0.02]", doc = "price of each AP per Mbit sent", min = 0.0, max = 1000.0) List<Double> apCosts,
        @Param(value = "[0.5, 4.0]", doc = "[min, max] Mbit: task size, drawn uniformly per task", min = 0.001, max = 1000.0) List<Double> taskSize,
        @Param(value = "[0.1, 1.0]", doc = "[min, max] s: task deadline, drawn uniformly per task", min = 0.001, max = 60.0) List<Double> taskDeadline,
        @Param(value = "0.5", doc = "mean time between tasks, s (Poisson task arrivals)", min = 0.001, max = 3600.0) double taskInterval,
        @Param(value = "1.0", doc = "reward of a task delivered before its deadline", min = 0.0, max = 1000.0) double successReward,
        @Param(value = "0.5", doc = "penalty per unit of latency / deadline of a delivered task", min = 0.0, max = 1000.0) double latencyWeight,
        @Param(value = "1.0", doc = "penalty per unit of price paid", min = 0.0, max = 1000.0) double costWeight,
        @Param(value = "1.0", doc = "penalty of a task that misses its deadline or loses coverage", min = 0.0, max = 1000.0) double failurePenalty,
        @Param(value = "false", doc = "whether an AP's uplink carries one of the vehicle's tasks at a time (a later task waits for the "
                + "link)") boolean serialUplink,
        @Param(value = "full", doc = "full: position, speed, task and every AP's relative position and link state; compact: position, "
                + "task size and deadline only (3 coordinates, small enough to discretise for tabular Q-learning as in the paper)",
                choices = {"full", "compact"}) String observation) {

    /** Largest number of access points. */
    static final int MAX_APS = 32;

    /** @throws ConfigException naming each offending field and its allowed range */
    public ApSelectionConfig {
        speed = List.copyOf(speed);
        apPositions = List.copyOf(apPositions);
        apOffsets = List.copyOf(apOffsets);
        apRadii = List.copyOf(apRadii);
        apRates = List.copyOf(apRates);
        apCosts = List.copyOf(apCosts);
        taskSize = List.copyOf(taskSize);
        taskDeadline = List.copyOf(taskDeadline);
        List<ConfigException.Problem> problems = new ArrayList<>();
        range(speed, "speed", problems);
        range(taskSize, "taskSize", problems);
        range(taskDeadline, "taskDeadline", problems);
        int n = apPositions.size();
        if (n < 1 || n > MAX_APS) {
            problems.add(new ConfigException.Problem("apPositions", "must have 1 to " + MAX_APS + " elements (one per AP), got " + n));
        }
        sameLength(problems, "apOffsets", apOffsets.size(), n);
        sameLength(problems, "apRadii", apRadii.size(), n);
        sameLength(problems, "apRates", apRates.size(), n);
        sameLength(problems, "apCosts", apCosts.size(), n);
        for (int j = 0; j < n; j++) {
            if (apPositions.get(j) > roadLength) {
                problems.add(new ConfigException.Problem("apPositions", "element " + j + " must be in [0, roadLength = " + roadLength + "], got "
                        + apPositions.get(j)));
            }
            if (j < apOffsets.size() && j < apRadii.size() && apOffsets.get(j) >= apRadii.get(j)) {
                problems.add(new ConfigException.Problem("apOffsets", "element " + j + " must be in [0, apRadii[" + j + "] = " + apRadii.get(j)
                        + ") so that the AP covers part of the road, got " + apOffsets.get(j)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** @return the road, APs and reward these values describe */
    RoadModel model() {
        return new RoadModel(roadLength, doubles(speed), doubles(apPositions), doubles(apOffsets), doubles(apRadii), doubles(apRates),
                doubles(apCosts), doubles(taskSize), doubles(taskDeadline), taskInterval, successReward, latencyWeight, costWeight,
                failurePenalty, serialUplink, observation.equals("compact"));
    }

    private static void range(List<Double> r, String name, List<ConfigException.Problem> problems) {
        if (r.size() != 2 || r.get(0) > r.get(1)) {
            problems.add(new ConfigException.Problem(name, "must be [min, max] with min <= max, got " + r));
        }
    }

    private static void sameLength(List<ConfigException.Problem> problems, String field, int length, int aps) {
        if (length != aps) {
            problems.add(new ConfigException.Problem(field, "must have one element per AP (" + aps + ", the length of apPositions), got "
                    + length));
        }
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
