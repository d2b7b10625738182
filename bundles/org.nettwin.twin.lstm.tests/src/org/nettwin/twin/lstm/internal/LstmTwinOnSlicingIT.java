package org.nettwin.twin.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.EnvironmentConformance;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.twin.sequence.testkit.Recorder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The registered twin/lstm on the real slicing/SingleCell-v1 (packet-level cell, Box(15)
 * observations, 36 splits): its held-out error falls with data and beats persistence, it
 * conforms, and rl/dqn and rl/random train in it unchanged; the twin-trained DQN beats random on
 * the real cell.
 */
class LstmTwinOnSlicingIT {

    static <T> T service(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(LstmTwinOnSlicingIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        T s = t.waitForService(10_000);
        t.close();
        assertNotNull(s, id + " registered");
        return s;
    }

    @Test
    void learnsTheCellAndAgentsTrainInIt() throws Exception {
        ScenarioProvider cell = service(ScenarioProvider.class, "slicing/SingleCell-v1");
        TwinBuilder builder = service(TwinBuilder.class, "twin/lstm");
        try (Scenario real = cell.create(cell.configSchema().defaults(), 1)) {
            Environment<?, ?> env = ((Scenario.Single) real).environment();
            EnvironmentSpec spec = EnvironmentSpec.of(env);
            TransitionDataset data = Recorder.random(env, 3000, 5);
            TransitionDataset heldOut = Recorder.random(env, 500, 6);
            double[] persistencePerFeature = Recorder.persistenceError(heldOut);
            double persistence = Recorder.mean(persistencePerFeature);
            DigitalTwin<?, ?> small = builder.build(spec, data.slice(0, 300), builder.configSchema().defaults(), 1, TrainingListener.NONE);
            DigitalTwin<?, ?> twin = builder.build(spec, data, builder.configSchema().defaults(), 1, TrainingListener.NONE);
            TwinAccuracy few = small.evaluate(heldOut, 5);
            TwinAccuracy many = twin.evaluate(heldOut, 5);
            System.out.printf("twin/lstm on SingleCell-v1: one-step RMSE 300 -> %.4f, 3000 -> %.4f, persistence %.4f; reward %.4f -> %.4f%n",
                    few.meanOneStepError(), many.meanOneStepError(), persistence, few.rewardError(), many.rewardError());
            // features differ in scale (packet counts vs shares), so compare each feature with its own persistence error
            // (features that never change in the held-out data have no persistence error to compare with and are skipped)
            double relative = 0;
            int varying = 0;
            for (int f = 0; f < persistencePerFeature.length; f++) {
                if (persistencePerFeature[f] > 1e-9) {
                    relative += many.oneStepError()[f] / persistencePerFeature[f];
                    varying++;
                }
            }
            relative /= Math.max(1, varying);
            System.out.printf("twin/lstm on SingleCell-v1: mean per-feature RMSE / persistence RMSE = %.3f%n", relative);
            assertTrue(many.meanOneStepError() < few.meanOneStepError(), "error falls with data");
            assertTrue(many.meanOneStepError() < persistence, "beats next state = current state");
            assertTrue(relative < 0.8, "beats next state = current state feature by feature on average: " + relative);
            EnvironmentConformance.check(twin);

            AlgorithmProvider dqn = service(AlgorithmProvider.class, "rl/dqn");
            AlgorithmProvider random = service(AlgorithmProvider.class, "rl/random");
            Algorithm agent = dqn.create(EnvironmentSpec.of(twin), dqn.configSchema().validate(Map.of("learningStarts", 500, "epsilonSteps", 4000L), ""), 2);
            agent.learn(new Scenario.Single(twin), 6000, TrainingListener.NONE);
            Algorithm baseline = random.create(EnvironmentSpec.of(twin), random.configSchema().defaults(), 2);
            baseline.learn(new Scenario.Single(twin), 1, TrainingListener.NONE);
            long evalSeed = Seeds.derive(2, "eval");
            double inTwin = Rollouts.meanReturn(twin, agent.policy(), 10, evalSeed, 10_000);
            double randomInTwin = Rollouts.meanReturn(twin, baseline.policy(), 10, evalSeed, 10_000);
            double onReal = Rollouts.meanReturn(env, agent.policy(), 5, evalSeed, 10_000);
            double randomOnReal = Rollouts.meanReturn(env, baseline.policy(), 5, evalSeed, 10_000);
            System.out.printf("rl/dqn trained 6000 twin steps: twin return %.2f (random %.2f); real return %.2f (random %.2f)%n", inTwin,
                    randomInTwin, onReal, randomOnReal);
            // trained on twin experience only, the agent must do better than random on the REAL cell
            assertTrue(onReal > randomOnReal + 5, "DQN trained in the twin beats random on the real cell: " + onReal + " vs " + randomOnReal);
            assertTrue(Double.isFinite(inTwin) && Double.isFinite(randomInTwin));
        }
    }
}
