package org.nettwin.experiment.distill.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.nettwin.api.testkit.OsgiServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.env.Environment;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;

/**
 * A DQN trained briefly on urllc/ApSelection-v1 (real services) distilled by the registered
 * {@code distill/policy} into a (16)-unit student: far fewer parameters, most actions the same,
 * and the return kept.
 */
class DistillDqnIT {

    @Test
    void studentOfATrainedDqnKeepsItsReturnWithAFractionOfItsParameters(@TempDir Path dir) throws Exception {
        ScenarioProvider urllc = OsgiServices.await(ScenarioProvider.class, "urllc/ApSelection-v1");
        AlgorithmProvider dqn = OsgiServices.await(AlgorithmProvider.class, "rl/dqn");
        Distiller distiller = OsgiServices.await(Distiller.class, "distill/policy");
        try (Scenario train = urllc.create(urllc.configSchema().defaults(), 3);
                Scenario data = urllc.create(urllc.configSchema().defaults(), 4);
                Scenario eval = urllc.create(urllc.configSchema().defaults(), 5)) {
            Algorithm a = dqn.create(EnvironmentSpec.of(train),
                    dqn.configSchema().validate(Map.of("epsilonSteps", 20_000L, "learningStarts", 1_000), ""), 3);
            a.learn(train, 40_000, TrainingListener.NONE);
            Policy<?, ?> teacher = a.policy();
            Environment<?, ?> dataEnv = ((Scenario.Single) data).environment();
            // states the teacher visits, with a quarter of random actions for coverage
            TransitionDataset states = StateRecorder.record(dataEnv, teacher, 0.25, 8_000, 41);
            TransitionDataset heldOut = StateRecorder.record(dataEnv, teacher, 0.25, 2_000, 42);
            Distillation d = distiller.distill(teacher, states, distiller.configSchema().defaults(), 9, TrainingListener.NONE);
            DistillationReport r = DistillationReport.measure(teacher, d.student(), heldOut, ((Scenario.Single) eval).environment(), 20,
                    Seeds.derive(3, "eval"), 100_000, 5_001);
            System.out.println("distill rl/dqn on urllc/ApSelection-v1: " + r.toJson());
            assertEquals(teacher.parameterCount(), d.teacherParameters());
            assertTrue(d.compressionRatio() >= 5, "student has >= 5x fewer parameters: " + d.teacherParameters() + " vs "
                    + d.studentParameters());
            assertTrue(r.agreement() >= 0.85, "agreement on held-out states " + r.agreement());
            assertTrue(r.teacherReturn() > 0, "trained teacher has a positive return " + r.teacherReturn());
            assertTrue(r.returnKept() >= 0.9, "student keeps >= 90 % of the return: " + r.studentReturn() + " of " + r.teacherReturn());

            Path json = dir.resolve("report/distillation.json");
            r.writeJson(json);
            String text = Files.readString(json);
            assertTrue(text.contains("\"return_kept\": ") && text.contains("\"student_parameters\": " + d.studentParameters()), text);
        }
    }
}
