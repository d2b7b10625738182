package org.nettwin.experiment.distill.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.nettwin.api.testkit.OsgiServices;
import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.env.Environment;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.space.Simplex;

/**
 * The continuous case: the traffic-aware rule of slicing/MultiCell-v1 (shares of a Simplex,
 * cell 1 controlled, the others run by the same rule) distilled into a softmax student.
 */
class DistillTrafficAwareIT {

    @Test
    void softmaxStudentReproducesTheRulesSharesAndItsReturn() throws Exception {
        ScenarioProvider multi = OsgiServices.await(ScenarioProvider.class, "slicing/MultiCell-v1");
        AlgorithmProvider rule = OsgiServices.await(AlgorithmProvider.class, "baseline/traffic-aware");
        Distiller distiller = OsgiServices.await(Distiller.class, "distill/policy");
        Config oneCell = multi.configSchema().validate(Map.of("controlledCell", 1), "");
        try (Scenario data = multi.create(oneCell, 4); Scenario eval = multi.create(oneCell, 5)) {
            Policy<?, ?> teacher = rule.create(EnvironmentSpec.of(data), rule.configSchema().defaults(), 1).policy();
            assertTrue(teacher.actionSpace() instanceof Simplex, "shares: " + teacher.actionSpace().describe());
            Environment<?, ?> env = ((Scenario.Single) data).environment();
            TransitionDataset states = StateRecorder.record(env, teacher, 0.25, 4_000, 51);
            TransitionDataset heldOut = StateRecorder.record(env, teacher, 0.25, 1_000, 52);
            Distillation d = distiller.distill(teacher, states,
                    distiller.configSchema().validate(Map.of("hidden", List.of(32), "epochs", 60), ""), 9, TrainingListener.NONE);
            DistillationReport r = DistillationReport.measure(teacher, d.student(), heldOut, ((Scenario.Single) eval).environment(), 5,
                    Seeds.derive(5, "eval"), 100_000, 2_001);
            System.out.println("distill baseline/traffic-aware on slicing/MultiCell-v1 cell 1: " + r.toJson());
            assertEquals(0, d.teacherParameters(), "a rule has no parameters");
            assertTrue(r.agreement() >= 0.9, "shares within " + DistillationReport.TOLERANCE + " on held-out states: " + r.agreement());
            assertTrue(r.meanAbsoluteError() < 0.02, "mean share error " + r.meanAbsoluteError());
            double margin = 0.1 * Math.abs(r.teacherReturn());
            assertTrue(r.studentReturn() >= r.teacherReturn() - margin,
                    "student keeps >= 90 % of the rule's return: " + r.studentReturn() + " vs " + r.teacherReturn());
        }
    }
}
