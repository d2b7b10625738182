package org.nettwin.domains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.env.Step;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.testkit.OsgiServices;

/** Perfect-copy domains of the real scenario services: after a sync, a domain's step is the physical step. */
class PerfectDomainsIT {

    static void mirrors(String id, Map<String, Object> raw) {
        ScenarioProvider provider = OsgiServices.await(ScenarioProvider.class, id);
        Config config = provider.configSchema().validate(raw, "scenario.config");
        try (Physical physical = new Physical(new JointView(provider.create(config, 3)), 4);
                PerfectDomain domain = new PerfectDomain(() -> provider.create(config, 3), physical.environment())) {
            RandomGenerator random = Seeds.generator(9);
            JointView view = physical.environment();
            int[] action = new int[view.agents()];
            int[] another = new int[view.agents()];
            Step<double[]> step = physical.reset(17);
            for (int t = 0; t < 300; t++) {
                if (step.done()) {
                    step = physical.reset();
                }
                for (int i = 0; i < action.length; i++) {
                    action[i] = random.nextInt(view.actions(i));
                    another[i] = (action[i] + 1) % view.actions(i);
                }
                domain.sync(physical);
                // a trial of another action first: the sync must undo it
                Step<double[]> other = domain.step(another);
                domain.sync(physical);
                Step<double[]> mirrored = domain.step(action);
                double[] mirroredObs = mirrored.observation().clone();
                double mirroredReward = mirrored.reward();
                boolean mirroredDone = mirrored.done();
                step = physical.step(action);
                assertArrayEquals(step.observation(), mirroredObs, 0.0, id + " step " + t);
                assertEquals(step.reward(), mirroredReward, 0.0, id + " step " + t);
                assertEquals(step.done(), mirroredDone, id + " step " + t);
                assertEquals(other.observation().length, mirroredObs.length);
            }
        }
    }

    @Test
    void urllcDomainsMirrorThePhysicalEnvironment() {
        mirrors("urllc/ApSelection-v1", Map.of("observation", "compact"));
    }

    @Test
    void uavDomainsMirrorTheParallelEnvironment() {
        mirrors("uav/Trajectories-v1", Map.of());
    }
}
