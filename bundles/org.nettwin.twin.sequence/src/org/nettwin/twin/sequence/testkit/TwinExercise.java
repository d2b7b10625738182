package org.nettwin.twin.sequence.testkit;

import java.util.Map;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.twin.sequence.TwinSettings;

/**
 * The measurements every twin builder's tests make on {@link DriftEnvironment}, so the builders'
 * test suites assert the same behaviour without repeating the set-up. Each returns figures; the
 * tests decide the thresholds.
 *
 * @since 0.1
 */
public final class TwinExercise {

    /** Episode length of the exercise environment. */
    public static final int EPISODE = 50;

    private TwinExercise() {
    }

    /**
     * Held-out accuracy of twins built from the first {@code small} and from all {@code large}
     * random-policy transitions, and the persistence baseline's mean one-step error on the held-out data.
     */
    public record LearningCurve(TwinAccuracy small, TwinAccuracy large, double persistence) {
    }

    /** Twin error on shifted-dynamics data before and after calibrating with fresh shifted transitions. */
    public record Calibration(TwinAccuracy before, TwinAccuracy after) {
    }

    /** @return the nominal exercise environment */
    public static DriftEnvironment environment() {
        return new DriftEnvironment(1.0, 0.05, EPISODE);
    }

    /** @return {@code config} validated against the builder's schema */
    public static Config config(TwinBuilder builder, Map<String, ?> config) {
        return builder.configSchema().validate(config, "");
    }

    /** @return {@code config} validated and bound to the window twins' settings, for {@code SequenceTwinBuilder.build} */
    public static TwinSettings settings(Map<String, ?> config) {
        return ConfigSchema.of(TwinSettings.class).validate(config, "").as(TwinSettings.class);
    }

    /** Builds twins from {@code small} and {@code large} transitions and evaluates both on 1,000 fresh ones (horizon 5). */
    public static LearningCurve learningCurve(TwinBuilder builder, Map<String, ?> config, int small, int large, long seed) {
        DriftEnvironment env = environment();
        TransitionDataset all = Recorder.random(env, large, Seeds.derive(seed, "train"));
        TransitionDataset heldOut = Recorder.random(env, 1000, Seeds.derive(seed, "held-out"));
        EnvironmentSpec spec = EnvironmentSpec.of(env);
        Config c = config(builder, config);
        DigitalTwin<?, ?> fewTwin = builder.build(spec, all.slice(0, small), c, seed, TrainingListener.NONE);
        DigitalTwin<?, ?> manyTwin = builder.build(spec, all, c, seed, TrainingListener.NONE);
        return new LearningCurve(fewTwin.evaluate(heldOut, 5), manyTwin.evaluate(heldOut, 5), Recorder.mean(Recorder.persistenceError(heldOut)));
    }

    /**
     * A twin learnt on the nominal dynamics ({@code transitions} transitions) is evaluated on data
     * whose action effect is reversed ({@code gain = −1}), then calibrated with
     * {@code transitions / 2} fresh transitions of the shifted dynamics and evaluated again.
     */
    public static Calibration calibration(TwinBuilder builder, Map<String, ?> config, int transitions, long seed) {
        DriftEnvironment nominal = environment();
        DriftEnvironment shifted = new DriftEnvironment(-1.0, 0.05, EPISODE);
        DigitalTwin<?, ?> twin = builder.build(EnvironmentSpec.of(nominal), Recorder.random(nominal, transitions, Seeds.derive(seed, "train")),
                config(builder, config), seed, TrainingListener.NONE);
        TransitionDataset heldOut = Recorder.random(shifted, 1000, Seeds.derive(seed, "shifted-held-out"));
        TwinAccuracy before = twin.evaluate(heldOut, 5);
        twin.calibrate(Recorder.random(shifted, transitions / 2, Seeds.derive(seed, "fresh")), TrainingListener.NONE);
        return new Calibration(before, twin.evaluate(heldOut, 5));
    }
}
