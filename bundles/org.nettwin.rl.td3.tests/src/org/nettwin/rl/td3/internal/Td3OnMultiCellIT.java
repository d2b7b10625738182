package org.nettwin.rl.td3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** TD3 through the registered services on {@code slicing/MultiCell-v1}: one cell against the traffic-aware baseline, and all twelve. */
class Td3OnMultiCellIT {

    static <T> T service(Class<T> type, String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Td3OnMultiCellIT.class).getBundleContext();
        ServiceTracker<T, T> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + type.getName() + ")(" + NetTwinPlugin.ID_PROPERTY + "=" + id + "))"), null);
        t.open();
        T s = t.waitForService(10_000);
        t.close();
        assertNotNull(s, id + " registered");
        return s;
    }

    /** Mean return over 3 episodes on the evaluation seeds, the same for every policy compared. */
    private static double evaluate(Scenario eval, Policy<?, ?> policy) {
        // 10 episodes, the same for both policies: over 3 an episode's traffic decides the ratio
        // (issue 10's width-independent kernels moved this seed's 3-episode ratio from 1.017 to 0.947;
        // over seeds 1-6 of the lab's own evaluation TD3 reaches 0.986-1.03 of the rule, mean 0.997)
        return Rollouts.meanReturn(((Scenario.Single) eval).environment(), policy, 10, 77, 1_000);
    }

    @Test
    void td3OnCellOneReachesTheTrafficAwareBaseline() throws Exception {
        ScenarioProvider multiCell = service(ScenarioProvider.class, "slicing/MultiCell-v1");
        AlgorithmProvider td3 = service(AlgorithmProvider.class, "rl/td3");
        AlgorithmProvider baseline = service(AlgorithmProvider.class, "baseline/traffic-aware");
        var cellOne = multiCell.configSchema().validate(Map.of("controlledCell", 1), "scenario.config");
        try (Scenario train = multiCell.create(cellOne, 1); Scenario eval = multiCell.create(cellOne, 1)) {
            assertInstanceOf(Scenario.Single.class, train);
            EnvironmentSpec spec = EnvironmentSpec.of(train);
            assertTrue(td3.incompatibility(spec, td3.configSchema().defaults()).isEmpty());
            // the paper's settings (actor (48,24), critics (64,24), lr 5e-4/1e-3, batch 32, gamma 0.1, 3000 warm-up steps)
            Algorithm agent = td3.create(spec, td3.configSchema().defaults(), 1);
            List<EpisodeEvent> episodes = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpisode(EpisodeEvent event) {
                    episodes.add(event);
                }
            };
            assertEquals(20_000, agent.learn(train, 20_000, listener));
            assertEquals(100, episodes.size(), "200-step episodes");
            double learned = evaluate(eval, agent.policy());
            Algorithm rule = baseline.create(spec, baseline.configSchema().defaults(), 1);
            double reference = evaluate(eval, rule.policy());
            // measured: traffic-aware 54.5, TD3 after 20,000 steps 55.5 (101.7 %)
            assertTrue(learned >= 0.95 * reference, "TD3 " + learned + " vs traffic-aware " + reference + " (" + learned / reference + ")");
        }
    }

    @Test
    void twelveIndependentLearnersTrainOnTheParallelNetwork() throws Exception {
        ScenarioProvider multiCell = service(ScenarioProvider.class, "slicing/MultiCell-v1");
        AlgorithmProvider td3 = service(AlgorithmProvider.class, "rl/td3");
        try (Scenario train = multiCell.create(multiCell.configSchema().defaults(), 2)) {
            EnvironmentSpec spec = EnvironmentSpec.of(train);
            assertTrue(spec.multiAgent() && spec.agents().size() == 12);
            Algorithm agents = td3.create(spec, td3.configSchema().validate(Map.of("warmupSteps", 200), ""), 2);
            List<EpisodeEvent> episodes = new ArrayList<>();
            agents.learn(train, 600, new TrainingListener() {
                @Override
                public void onEpisode(EpisodeEvent event) {
                    episodes.add(event);
                }
            });
            assertEquals(3, episodes.size());
            for (EpisodeEvent e : episodes) {
                assertTrue(e.episodeReturn() > 0 && e.episodeReturn() <= 200, "mean over agents of a 200-step return: " + e.episodeReturn());
            }
            // agents are independent: differently seeded networks, each with its own replay
            Td3 team = (Td3) agents;
            assertEquals(600, team.learner(0).replay.size());
            assertTrue(team.learner(0).updates == 400 && team.learner(11).updates == 400);
            assertTrue(team.learner(0).actor.parameters()[0] != team.learner(1).actor.parameters()[0]);
        }
    }
}
