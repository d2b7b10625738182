package org.nettwin.env.admission;

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
 * The {@code admission/Control-v1} scenario service: multi-class admission control at a shared
 * resource, a finite MDP with exact tables (see the bundle README for the equations and the
 * sources of the defaults).
 */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + AdmissionControlProvider.ID)
public final class AdmissionControlProvider implements ScenarioProvider {

    static final String ID = "admission/Control-v1";

    /** Largest number of request classes. */
    static final int MAX_CLASSES = 8;
    /** Largest state space accepted; the exact tables need 16 bytes per state squared to build. */
    static final long MAX_STATES = 1_000_000;
    /** Largest waiting room; the number of its contents grows as K^W. */
    static final int MAX_WAITING = 4;
    /** Largest index over count vectors (product of per-class maxima plus one) the state lookup may hold. */
    static final long MAX_INDEX = 1L << 24;

    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("capacity", 10, 1, 10_000, "resource units of the shared resource (e.g. bandwidth units of a link)")
            .intListParam("demands", List.of(1, 2), 1, 10_000,
                    "units one request of each class holds while in service; the list length is the number of classes (1 to 8)")
            .doubleListParam("revenues", List.of(1.0, 5.0), 0.0, 1e6, "revenue earned when a request of each class is admitted")
            .doubleListParam("arrivalProbabilities", List.of(0.4, 0.2), 0.0, 1.0,
                    "probability per epoch that the pending request is of each class (sum at most 1; the rest is 'no request')")
            .doubleListParam("completionProbabilities", List.of(0.05, 0.05), 0.0, 1.0,
                    "probability per epoch that one request of each class in service completes (mean holding time 1/p epochs)")
            .doubleListParam("blockingPenalties", List.of(0.0, 0.5), 0.0, 1e6, "QoS penalty for rejecting a request of each class")
            .doubleParam("overloadPenalty", 2.0, 0.0, 1e6,
                    "QoS penalty for admitting a request that does not fit (the resource is overloaded and the request dropped)")
            .doubleParam("holdingCost", 0.0, 0.0, 1e6, "operating cost per resource unit in use per epoch")
            .intParam("waitingRoom", 0, 0, MAX_WAITING,
                    "FIFO waiting places for admitted requests that do not fit at once (0 = a pure loss system)")
            .doubleParam("delayPenalty", 0.1, 0.0, 1e6, "QoS penalty per waiting request per epoch (delay)")
            .intParam("epochs", 200, 1, 10_000_000, "decision epochs per episode (the episode is truncated after them)")
            .build();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Admission control at a shared resource",
                "Admit or reject requests of several classes (revenue, resource demand, holding time) arriving at a resource of fixed "
                        + "capacity, with an optional FIFO waiting room; QoS penalties for blocking, overload and delay. A finite MDP with exact tables, as in the DT-BSM admission "
                        + "control study (arXiv 2502.17983).");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Scenario create(Config config, long seed) {
        return new Scenario.Single(new AdmissionEnvironment(model(config)));
    }

    /**
     * Checks what the schema cannot (list lengths, sums, sizes) and builds the model.
     *
     * @throws ConfigException naming each offending field and its allowed range
     */
    static AdmissionModel model(Config config) {
        int capacity = config.getInt("capacity");
        int[] demands = config.getInts("demands");
        double[] revenues = config.getDoubles("revenues");
        double[] arrivals = config.getDoubles("arrivalProbabilities");
        double[] completions = config.getDoubles("completionProbabilities");
        double[] penalties = config.getDoubles("blockingPenalties");
        List<ConfigException.Problem> problems = new ArrayList<>();
        int k = demands.length;
        if (k < 1 || k > MAX_CLASSES) {
            problems.add(new ConfigException.Problem("demands", "must have 1 to " + MAX_CLASSES + " elements (one per class), got " + k));
        }
        sameLength(problems, "revenues", revenues.length, k);
        sameLength(problems, "arrivalProbabilities", arrivals.length, k);
        sameLength(problems, "completionProbabilities", completions.length, k);
        sameLength(problems, "blockingPenalties", penalties.length, k);
        for (int i = 0; i < k; i++) {
            if (demands[i] > capacity) {
                problems.add(new ConfigException.Problem("demands", "element " + i + " must be in [1, capacity = " + capacity
                        + "] (a request larger than the resource can never be served), got " + demands[i]));
            }
        }
        double sum = Arrays.stream(arrivals).sum();
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
            long states = box > MAX_INDEX ? Long.MAX_VALUE : AdmissionModel.countStates(capacity, demands, config.getInt("waitingRoom"));
            if (box > MAX_INDEX || states > MAX_STATES) {
                problems.add(new ConfigException.Problem("capacity", "with demands " + Arrays.toString(demands) + " gives "
                        + (box > MAX_INDEX ? "more than " + MAX_INDEX + " count vectors to index" : states + " states")
                        + "; at most " + MAX_STATES + " states and " + MAX_INDEX
                        + " count vectors are supported: lower capacity or waitingRoom, or raise demands"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AdmissionModel(capacity, demands, revenues, arrivals, completions, penalties, config.getDouble("overloadPenalty"),
                config.getDouble("holdingCost"), config.getInt("waitingRoom"), config.getDouble("delayPenalty"), config.getInt("epochs"));
    }

    private static void sameLength(List<ConfigException.Problem> problems, String field, int length, int classes) {
        if (length != classes) {
            problems.add(new ConfigException.Problem(field, "must have one element per class (" + classes
                    + ", the length of demands), got " + length));
        }
    }
}
