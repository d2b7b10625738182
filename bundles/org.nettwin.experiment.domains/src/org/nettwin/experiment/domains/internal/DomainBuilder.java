package org.nettwin.experiment.domains.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.RecordingEnvironment;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.Step;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.domains.Domain;
import org.nettwin.domains.DomainSet;
import org.nettwin.domains.JointView;
import org.nettwin.domains.NoisyDomain;
import org.nettwin.domains.PerfectDomain;
import org.nettwin.domains.Physical;
import org.nettwin.domains.TwinDomain;

/**
 * Builds a unit's digital domains: perfect copies (instances of the scenario with the physical
 * one's configuration and creation seed, synchronised by snapshots) or one learned twin of the
 * scenario's joint view shared by all domains (learned from {@code twinDataSteps} steps of uniformly
 * random actions on a separate instance), each optionally behind its own noise.
 */
final class DomainBuilder implements AutoCloseable {

    private final ScenarioUse scenario;
    private final PluginUse<TwinBuilder> twinPlugin;
    private final DomainSettings settings;
    private DigitalTwin<?, ?> twin;
    private long twinDataSteps;
    private double twinBuildSeconds;

    DomainBuilder(ScenarioUse scenario, PluginUse<TwinBuilder> twinPlugin, DomainSettings settings) {
        this.scenario = scenario;
        this.twinPlugin = twinPlugin;
        this.settings = settings;
    }

    DomainSet build(Arm arm, int count, Physical physical, long scenarioSeed, long seed, int storageCapacity) {
        String source = arm.source();
        List<Domain> domains = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            Domain domain = source.equals("twin") ? new TwinDomain(twin(physical, seed), twinPlugin.id(), Seeds.derive(seed, "twin-domain" + d))
                    : new PerfectDomain(() -> scenario.create(scenarioSeed), physical.environment());
            if (arm.observationNoise() > 0 || arm.rewardNoise() > 0) {
                domain = new NoisyDomain(domain, physical.environment().observationSpace(), arm.observationNoise(), arm.rewardNoise(),
                        Seeds.derive(seed, "noise" + d));
            }
            domains.add(domain);
        }
        JointView view = physical.environment();
        return new DomainSet(domains, storageCapacity, view.agents() * view.width(), view.agents());
    }

    private DigitalTwin<?, ?> twin(Physical physical, long seed) {
        if (twin != null) {
            return twin;
        }
        long t0 = System.nanoTime();
        try (JointView real = new JointView(scenario.create(Seeds.derive(seed, "twin-data-scenario")))) {
            RecordingEnvironment<double[], int[]> recording = new RecordingEnvironment<>(real, Map.of("purpose", "digital-domain twin"), true);
            RandomGenerator random = Seeds.generator(Seeds.derive(seed, "twin-data-actions"));
            int[] action = new int[real.agents()];
            Step<double[]> step = recording.reset(Seeds.derive(seed, "twin-data"));
            for (long i = 0; i < settings.twinDataSteps(); i++) {
                if (step.done()) {
                    step = recording.reset();
                }
                for (int a = 0; a < action.length; a++) {
                    action[a] = random.nextInt(real.actions(a));
                }
                step = recording.step(action);
            }
            TransitionDataset data = recording.drain();
            twinDataSteps = settings.twinDataSteps();
            twin = twinPlugin.service().build(EnvironmentSpec.of(real), data, twinPlugin.config(), Seeds.derive(seed, "twin"),
                    TrainingListener.NONE);
        }
        twinBuildSeconds = (System.nanoTime() - t0) * 1e-9;
        return twin;
    }

    long twinDataSteps() {
        return twinDataSteps;
    }

    double twinBuildSeconds() {
        return twinBuildSeconds;
    }

    @Override
    public void close() {
        if (twin != null) {
            twin.close();
        }
    }
}
