package org.nettwin.twin.dl4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.testkit.RecordingListener;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.twin.sequence.testkit.DriftEnvironment;
import org.nettwin.twin.sequence.testkit.Recorder;
import org.nettwin.twin.sequence.testkit.TwinExercise;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Both LSTM twin builders are registered services taking the same config and reporting the same metrics: an experiment swaps the ids. */
class BothTwinBuildersIT {

    static TwinBuilder service(String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(BothTwinBuildersIT.class).getBundleContext();
        ServiceTracker<TwinBuilder, TwinBuilder> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + TwinBuilder.class.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        TwinBuilder s = t.waitForService(10_000);
        t.close();
        assertNotNull(s, id + " registered");
        return s;
    }

    @Test
    void sameConfigSameMetricsBothLearn() throws Exception {
        TwinBuilder ours = service("twin/lstm");
        TwinBuilder dl4j = service("twin/dl4j-lstm");
        assertEquals(ours.configSchema().parameters().keySet(), dl4j.configSchema().parameters().keySet(), "same config fields");
        DriftEnvironment env = TwinExercise.environment();
        TransitionDataset data = Recorder.random(env, 1500, 21);
        TransitionDataset heldOut = Recorder.random(env, 500, 22);
        double persistence = Recorder.mean(Recorder.persistenceError(heldOut));
        Map<String, Object> config = Map.of("epochs", 10, "hiddenUnits", 16);
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();
        long t0 = System.nanoTime();
        DigitalTwin<?, ?> x = ours.build(EnvironmentSpec.of(env), data, ours.configSchema().validate(config, ""), 1, a);
        long t1 = System.nanoTime();
        DigitalTwin<?, ?> y = dl4j.build(EnvironmentSpec.of(env), data, dl4j.configSchema().validate(config, ""), 1, b);
        long t2 = System.nanoTime();
        assertEquals(a.metricNames(), b.metricNames(), "same metric names");
        TwinAccuracy ax = x.evaluate(heldOut, 5);
        TwinAccuracy ay = y.evaluate(heldOut, 5);
        System.out.printf("1500 transitions, 10 epochs: twin/lstm %.2f s, RMSE %.4f; twin/dl4j-lstm %.2f s, RMSE %.4f; persistence %.4f%n",
                (t1 - t0) / 1e9, ax.meanOneStepError(), (t2 - t1) / 1e9, ay.meanOneStepError(), persistence);
        assertEquals(ax.featureNames(), ay.featureNames());
        assertEquals(ax.rolloutError().length, ay.rolloutError().length);
        assertEquals(ax.samples(), ay.samples());
        assertTrue(ax.meanOneStepError() < 0.6 * persistence, "twin/lstm learns");
        assertTrue(ay.meanOneStepError() < 0.6 * persistence, "twin/dl4j-lstm learns");
    }
}
