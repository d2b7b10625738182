package org.nettwin.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Environment;
import org.nettwin.api.env.Step;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.LossSurface;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.space.Space;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The landscape of the registered rl/dqn, trained briefly on urllc/ApSelection-v1: a valley around the trained weights. */
class DqnLandscapeIT {

    static <T> T service(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(DqnLandscapeIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        try {
            T s = t.waitForService(10_000);
            assertNotNull(s, id + " registered");
            return s;
        } finally {
            t.close();
        }
    }

    /** Transitions of the trained policy with 30 % random actions, encoded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TransitionDataset transitions(Environment<?, ?> environment, Policy<?, ?> policy, int n, long seed) {
        Environment env = environment;
        Space<Object> obs = (Space<Object>) env.observationSpace();
        Space<Object> act = (Space<Object>) env.actionSpace();
        RandomGenerator random = Seeds.generator(seed);
        TransitionDataset data = new TransitionDataset(obs.encodedSize(), act.encodedSize(), Map.of());
        double[] o = new double[obs.encodedSize()];
        double[] a = new double[act.encodedSize()];
        double[] next = new double[obs.encodedSize()];
        Step<?> s = env.reset(seed);
        int episode = 0;
        for (int t = 0; t < n; t++) {
            obs.encode(s.observation(), o, 0);
            Object action = random.nextDouble() < 0.3 ? act.sample(random) : ((Policy) policy).act(s.observation());
            act.encode(action, a, 0);
            s = env.step(action);
            obs.encode(s.observation(), next, 0);
            data.add(episode, o, a, s.reward(), next, s.terminated(), s.truncated());
            if (s.done()) {
                s = env.reset(Seeds.derive(seed, ++episode));
            }
        }
        return data;
    }

    @Test
    void trainedDqnSitsNearTheBottomOfItsOneDimensionalLandscape(@TempDir Path dir) throws Exception {
        ScenarioProvider urllc = service(ScenarioProvider.class, "urllc/ApSelection-v1");
        AlgorithmProvider dqn = service(AlgorithmProvider.class, "rl/dqn");
        try (Scenario train = urllc.create(urllc.configSchema().defaults(), 3); Scenario data = urllc.create(urllc.configSchema().defaults(), 4)) {
            Algorithm a = dqn.create(EnvironmentSpec.of(train),
                    dqn.configSchema().validate(Map.of("epsilonSteps", 8_000L, "learningStarts", 1_000), ""), 3);
            a.learn(train, 15_000, TrainingListener.NONE);
            LossSurface surface = a.capability(LossSurface.class).orElseThrow(() -> new AssertionError("rl/dqn offers a LossSurface"));
            TransitionDataset d = transitions(((Scenario.Single) data).environment(), a.policy(), 2_000, 8);
            Curve line = LossLandscape.line(surface, "q", d, 1.0, 21, 17);
            Plane plane = LossLandscape.plane(surface, "q", d, 1.0, 11, 17);
            LandscapeFiles.write(dir, "dqn-urllc", line, plane, 0.25, 0.5);
            System.out.println("rl/dqn landscape on urllc/ApSelection-v1: " + Files.readString(dir.resolve("dqn-urllc.json")));
            System.out.println("alpha,loss: " + java.util.Arrays.toString(line.losses()));

            assertTrue(Math.abs(line.argminAlpha()) <= 0.2, "minimum near alpha = 0: at " + line.argminAlpha());
            double[] l = line.losses();
            assertTrue(l[0] > 2 * line.centreLoss() && l[l.length - 1] > 2 * line.centreLoss(),
                    "the loss rises on both sides: " + l[0] + " / " + line.centreLoss() + " / " + l[l.length - 1]);
            assertTrue(line.meanIncrease() > 0 && plane.meanIncreaseWithin(0.5) > 0, "a valley in 1-D and 2-D");
            Curve again = LossLandscape.line(surface, "q", d, 1.0, 21, 17);
            assertArrayEquals(line.losses(), again.losses(), 0, "same seed, same numbers");
            for (int k = 0; k < 11; k++) {
                // the plane's grid has every second alpha of the line; beta = 0 is its row 5
                assertTrue(line.losses()[2 * k] == plane.losses()[5][k], "line and plane agree at alpha " + plane.alphas()[k]);
            }
        }
    }
}
