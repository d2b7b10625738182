package org.nettwin.env.urllc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code urllc/ApSelection-v1} scenario service: a vehicle on a straight road picks, for each
 * URLLC task, the access point to upload it to (paper 001, §IV-A; equations and the sources of
 * the defaults in the bundle README).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + ApSelectionProvider.ID)
public final class ApSelectionProvider implements ScenarioProvider {

    static final String ID = "urllc/ApSelection-v1";

    /** Largest number of access points. */
    static final int MAX_APS = 32;

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .doubleParam("roadLength", 1000.0, 10.0, 100_000.0, "length of the straight road, m; the episode ends when the vehicle reaches it")
            .doubleListParam("speed", List.of(15.0, 25.0), 0.1, ApSelectionEnvironment.SPEED_SCALE,
                    "[min, max] m/s: the vehicle's constant speed, drawn uniformly per episode")
            .doubleListParam("apPositions", List.of(150.0, 350.0, 500.0, 650.0, 850.0), 0.0, 100_000.0,
                    "position of each access point along the road, m (within [0, roadLength]); the list length is the number of APs")
            .doubleListParam("apOffsets", List.of(10.0, 10.0, 50.0, 10.0, 10.0), 0.0, 100_000.0,
                    "distance of each AP from the road, m (below its radius)")
            .doubleListParam("apRadii", List.of(100.0, 60.0, 700.0, 60.0, 100.0), 1.0, 100_000.0, "coverage radius of each AP, m")
            .doubleListParam("apRates", List.of(100.0, 400.0, 20.0, 400.0, 100.0), 0.001, 100_000.0, "uplink rate of each AP, Mbit/s")
            .doubleListParam("apCosts", List.of(0.02, 0.05, 0.1, 0.05, 0.02), 0.0, 1000.0, "price of each AP per Mbit sent")
            .doubleListParam("taskSize", List.of(0.5, 4.0), 0.001, 1000.0, "[min, max] Mbit: task size, drawn uniformly per task")
            .doubleListParam("taskDeadline", List.of(0.1, 1.0), 0.001, 60.0, "[min, max] s: task deadline, drawn uniformly per task")
            .doubleParam("taskInterval", 0.5, 0.001, 3600.0, "mean time between tasks, s (Poisson task arrivals)")
            .doubleParam("successReward", 1.0, 0.0, 1000.0, "reward of a task delivered before its deadline")
            .doubleParam("latencyWeight", 0.5, 0.0, 1000.0, "penalty per unit of latency / deadline of a delivered task")
            .doubleParam("costWeight", 1.0, 0.0, 1000.0, "penalty per unit of price paid")
            .doubleParam("failurePenalty", 1.0, 0.0, 1000.0, "penalty of a task that misses its deadline or loses coverage")
            .boolParam("serialUplink", false,
                    "whether an AP's uplink carries one of the vehicle's tasks at a time (a later task waits for the link)")
            .choiceParam("observation", "full", List.of("full", "compact"),
                    "full: position, speed, task and every AP's relative position and link state; compact: position, task size and "
                            + "deadline only (3 coordinates, small enough to discretise for tabular Q-learning as in the paper)")
            .build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "URLLC access-point selection for a vehicle",
                "A vehicle on a straight road at constant speed uploads URLLC tasks; access points differ in position, coverage, "
                        + "rate and price; a task starts when the vehicle is inside the chosen AP's coverage and fails at its deadline "
                        + "or when the vehicle leaves the coverage (Cheng et al., DT-enhanced RL, case study IV-A).");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Scenario create(Config config, long seed) {
        return new Scenario.Single(new ApSelectionEnvironment(model(config)));
    }

    /**
     * Checks what the schema cannot (list lengths, ranges relative to other fields) and builds the model.
     *
     * @throws ConfigException naming each offending field and its allowed range
     */
    static RoadModel model(Config config) {
        List<ConfigException.Problem> problems = new ArrayList<>();
        double road = config.getDouble("roadLength");
        double[] speed = range(config, "speed", problems);
        double[] size = range(config, "taskSize", problems);
        double[] deadline = range(config, "taskDeadline", problems);
        double[] positions = config.getDoubles("apPositions");
        double[] offsets = config.getDoubles("apOffsets");
        double[] radii = config.getDoubles("apRadii");
        double[] rates = config.getDoubles("apRates");
        double[] costs = config.getDoubles("apCosts");
        int n = positions.length;
        if (n < 1 || n > MAX_APS) {
            problems.add(new ConfigException.Problem("apPositions", "must have 1 to " + MAX_APS + " elements (one per AP), got " + n));
        }
        sameLength(problems, "apOffsets", offsets.length, n);
        sameLength(problems, "apRadii", radii.length, n);
        sameLength(problems, "apRates", rates.length, n);
        sameLength(problems, "apCosts", costs.length, n);
        for (int j = 0; j < n; j++) {
            if (positions[j] > road) {
                problems.add(new ConfigException.Problem("apPositions", "element " + j + " must be in [0, roadLength = " + road + "], got "
                        + positions[j]));
            }
            if (j < offsets.length && j < radii.length && offsets[j] >= radii[j]) {
                problems.add(new ConfigException.Problem("apOffsets", "element " + j + " must be in [0, apRadii[" + j + "] = " + radii[j]
                        + ") so that the AP covers part of the road, got " + offsets[j]));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new RoadModel(road, speed, positions, offsets, radii, rates, costs, size, deadline, config.getDouble("taskInterval"),
                config.getDouble("successReward"), config.getDouble("latencyWeight"), config.getDouble("costWeight"),
                config.getDouble("failurePenalty"), config.getBoolean("serialUplink"),
                config.getString("observation").equals("compact"));
    }

    private static double[] range(Config config, String name, List<ConfigException.Problem> problems) {
        double[] r = config.getDoubles(name);
        if (r.length != 2 || r[0] > r[1]) {
            problems.add(new ConfigException.Problem(name, "must be [min, max] with min <= max, got " + Arrays.toString(r)));
            return new double[] {1, 1};
        }
        return r;
    }

    private static void sameLength(List<ConfigException.Problem> problems, String field, int length, int aps) {
        if (length != aps) {
            problems.add(new ConfigException.Problem(field, "must have one element per AP (" + aps + ", the length of apPositions), got "
                    + length));
        }
    }
}
