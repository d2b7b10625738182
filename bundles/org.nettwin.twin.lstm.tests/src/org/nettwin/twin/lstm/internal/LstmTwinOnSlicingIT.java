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
 * The registered twin/lstm on one cell of slicing/MultiCell-v1 (Simplex share actions) and on the real slicing/SingleCell-v1 (packet-level cell, Box(15)
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

    /** @return the mean over the features that vary of twin RMSE / persistence RMSE */
    static double relativeToPersistence(TwinAccuracy twin, double[] persistencePerFeature) {
        // features differ in scale (packet counts vs shares), so each is compared with its own persistence error;
        // features that never change in the held-out data have no persistence error to compare with and are skipped
        double relative = 0;
        int varying = 0;
        for (int f = 0; f < persistencePerFeature.length; f++) {
            if (persistencePerFeature[f] > 1e-9) {
                relative += twin.oneStepError()[f] / persistencePerFeature[f];
                varying++;
            }
        }
        return relative / Math.max(1, varying);
    }

    @Test
    void learnsOneCellOfTheMultiCellNetwork() throws Exception {
        ScenarioProvider network = service(ScenarioProvider.class, "slicing/MultiCell-v1");
        TwinBuilder builder = service(TwinBuilder.class, "twin/lstm");
        try (Scenario real = network.create(network.configSchema().validate(Map.of("controlledCell", 1), ""), 1)) {
            Environment<?, ?> env = ((Scenario.Single) real).environment();
            EnvironmentSpec spec = EnvironmentSpec.of(env);
            TransitionDataset data = Recorder.random(env, 3000, 5);
            TransitionDataset heldOut = Recorder.random(env, 500, 6);
            double[] persistence = Recorder.persistenceError(heldOut);
            DigitalTwin<?, ?> small = builder.build(spec, data.slice(0, 300), builder.configSchema().defaults(), 1, TrainingListener.NONE);
            DigitalTwin<?, ?> twin = builder.build(spec, data, builder.configSchema().defaults(), 1, TrainingListener.NONE);
            TwinAccuracy few = small.evaluate(heldOut, 5);
            TwinAccuracy many = twin.evaluate(heldOut, 5);
            double relative = relativeToPersistence(many, persistence);
            System.out.printf("twin/lstm on MultiCell-v1 cell 1 (%s -> %s): one-step RMSE 300 -> %.4f, 3000 -> %.4f, persistence %.4f, "
                    + "per-feature ratio to persistence %.3f; reward %.4f -> %.4f%n", env.observationSpace().describe(),
                    env.actionSpace().describe(), few.meanOneStepError(), many.meanOneStepError(), Recorder.mean(persistence), relative,
                    few.rewardError(), many.rewardError());
            assertTrue(many.meanOneStepError() < few.meanOneStepError(), "error falls with data");
            assertTrue(many.rewardError() < few.rewardError(), "reward error falls with data");
            // the cell's traffic mask is an AR(1) process with random UE moves: much of each step is unpredictable noise
            assertTrue(many.meanOneStepError() < 0.8 * Recorder.mean(persistence), "beats next state = current state");
            assertTrue(relative < 0.9, "beats next state = current state feature by feature on average: " + relative);
            EnvironmentConformance.check(twin);
        }
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
            double relative = relativeToPersistence(many, persistencePerFeature);
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
