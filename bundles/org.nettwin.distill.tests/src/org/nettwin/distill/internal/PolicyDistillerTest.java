package org.nettwin.distill.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nettwin.api.config.Config;
import org.nettwin.api.data.DatasetFormatException;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.io.Identification;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.DictSpace;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Simplex;
import org.nettwin.api.space.Space;
import org.nettwin.api.testkit.FormatRefusal;
import org.nettwin.distill.Students;

/** The distiller on teachers whose action functions are known. */
class PolicyDistillerTest {

    private final PolicyDistiller distiller = new PolicyDistiller();
    private static final Box OBS = new Box(3, -1, 1);

    private Config config(Map<String, Object> overrides) {
        return distiller.configSchema().validate(overrides, "");
    }

    /** Mean over held-out states of the largest coordinate difference between student and teacher. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double meanMaxDifference(Policy teacher, Policy student, TransitionDataset states) {
        double[] o = new double[OBS.encodedSize()];
        double sum = 0;
        for (int i = 0; i < states.size(); i++) {
            states.observation(i, o, 0);
            double[] t = (double[]) teacher.act(o.clone());
            double[] s = (double[]) student.act(o.clone());
            double max = 0;
            for (int k = 0; k < t.length; k++) {
                max = Math.max(max, Math.abs(t[k] - s[k]));
            }
            sum += max;
        }
        return sum / states.size();
    }

    /** Box actions with bounds [0, 10] and [-2, 2]: a smooth nonlinear function of the state. */
    static Policy<double[], double[]> boxTeacher() {
        Box actions = new Box(new double[] {0, -2}, new double[] {10, 2});
        return Teachers.of(OBS, actions, 5000, o -> new double[] {5 + 4 * Math.sin(1.5 * o[0] + o[1]), 2 * Math.tanh(2 * o[1] * o[2])});
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void boxStudentMatchesTheTeachersActionsOnHeldOutStates() {
        Policy<double[], double[]> teacher = boxTeacher();
        List<double[]> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onMetric(long step, String name, double value) {
                if (name.equals("trainLoss")) {
                    losses.add(new double[] {step, value});
                }
            }
        };
        Distillation d = distiller.distill(teacher, Teachers.states(OBS, 3000, 1), config(Map.of("hidden", List.of(32), "epochs", 60)), 7,
                record);
        double error = meanMaxDifference(teacher, d.student(), Teachers.states(OBS, 500, 99));
        // bound widths 10 and 4: within 3 % of the wider one on average
        assertTrue(error < 0.3, "mean largest action error " + error);
        assertTrue(losses.get(losses.size() - 1)[1] < losses.get(0)[1] / 5, "training loss falls: " + losses.get(0)[1] + " -> "
                + losses.get(losses.size() - 1)[1]);
        assertEquals(3 * 32 + 32 + 32 * 2 + 2, d.studentParameters());
        assertEquals(5000, d.teacherParameters());
        assertTrue(d.finalLoss() < 0.01, "final loss " + d.finalLoss());
        // the student's actions are always inside the bounds (tanh head scaled to them)
        double[] far = {1, 1, 1};
        assertTrue(teacher.actionSpace().contains((double[]) ((Policy) d.student()).act(far)));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void simplexStudentFitsTheTeachersShares() {
        Simplex shares = new Simplex(3);
        Policy<double[], double[]> teacher = Teachers.of(OBS, shares, 0, o -> {
            double[] z = {2 * o[0], o[1] - o[2], 0.5};
            double max = Math.max(z[0], Math.max(z[1], z[2]));
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < 3; k++) {
                z[k] /= sum;
            }
            return z;
        });
        Distillation d = distiller.distill(teacher, Teachers.states(OBS, 2000, 2), config(Map.of("epochs", 60)), 3, null);
        double error = meanMaxDifference(teacher, d.student(), Teachers.states(OBS, 500, 98));
        assertTrue(error < 0.03, "mean largest share error " + error);
        double[] a = (double[]) ((Policy) d.student()).act(new double[] {0.3, -0.2, 0.9});
        assertTrue(shares.contains(a), "student shares sum to 1");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void discreteStudentLearnsTheTeachersChoice() {
        Discrete actions = new Discrete(4);
        // the quadrant of (o0, o1): four classes with straight boundaries
        Policy<double[], Integer> teacher = Teachers.of(OBS, actions, 1000, o -> (o[0] > 0 ? 1 : 0) + (o[1] > 0 ? 2 : 0));
        Distillation d = distiller.distill(teacher, Teachers.states(OBS, 3000, 3), config(Map.of("epochs", 40)), 5, null);
        TransitionDataset held = Teachers.states(OBS, 1000, 97);
        double[] o = new double[3];
        int agree = 0;
        Policy student = d.student();
        for (int i = 0; i < held.size(); i++) {
            held.observation(i, o, 0);
            if (teacher.act(o).equals(student.act(o))) {
                agree++;
            }
        }
        assertTrue(agree >= 960, "agreement " + agree + "/1000");
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sameSeedSameStudentAndSaveLoadRoundTrips() throws IOException {
        Policy<double[], double[]> teacher = boxTeacher();
        TransitionDataset states = Teachers.states(OBS, 400, 4);
        Config c = config(Map.of("epochs", 5));
        byte[] first = bytes(distiller.distill(teacher, states, c, 11, null).student());
        byte[] second = bytes(distiller.distill(teacher, states, c, 11, null).student());
        assertArrayEquals(first, second, "same seed, same student");
        byte[] other = bytes(distiller.distill(teacher, states, c, 12, null).student());
        assertTrue(!java.util.Arrays.equals(first, other), "another seed, another student");

        Policy loaded = Students.load(teacher.observationSpace(), teacher.actionSpace(), new ByteArrayInputStream(first));
        assertArrayEquals(first, bytes(loaded));
        Policy original = distiller.distill(teacher, states, c, 11, null).student();
        double[] probe = {0.1, -0.7, 0.4};
        assertArrayEquals((double[]) original.act(probe), (double[]) loaded.act(probe));

        IOException wrongSpace = assertThrows(IOException.class,
                () -> Students.load(OBS, new Box(2, -5, 5), new ByteArrayInputStream(first)));
        assertTrue(wrongSpace.getMessage().contains("saved for"), wrongSpace.getMessage());
        byte[] foreign = first.clone();
        foreign[0] = 'X';
        IOException magic = assertThrows(IOException.class,
                () -> Students.load(teacher.observationSpace(), teacher.actionSpace(), new ByteArrayInputStream(foreign)));
        assertEquals("not a NetTwin file (bad magic 'XTST'): expected a distill/policy student", magic.getMessage());
        byte[] damaged = first.clone();
        damaged[damaged.length - 20] ^= 1;
        assertThrows(IOException.class, () -> Students.load(teacher.observationSpace(), teacher.actionSpace(),
                new ByteArrayInputStream(damaged)), "a flipped weight byte fails the CRC");
        byte[] cut = java.util.Arrays.copyOf(first, 10);
        IOException truncated = assertThrows(IOException.class,
                () -> Students.load(teacher.observationSpace(), teacher.actionSpace(), new ByteArrayInputStream(cut)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    }

    @Test
    void aDatasetOrAnyOtherKindOfFileIsNotTakenForAStudent() throws IOException {
        Policy<double[], double[]> teacher = boxTeacher();
        TransitionDataset states = Teachers.states(OBS, 50, 4);
        ByteArrayOutputStream dataset = new ByteArrayOutputStream();
        TransitionBinary.write(states, dataset);
        IOException e = assertThrows(IOException.class,
                () -> Students.load(teacher.observationSpace(), teacher.actionSpace(), new ByteArrayInputStream(dataset.toByteArray())));
        assertEquals("this is a NetTwin transition dataset (.ntds), not a distill/policy student", e.getMessage(),
                "students and datasets once shared the magic NTDS");
        byte[] student = bytes(distiller.distill(teacher, states, config(Map.of("epochs", 1)), 1, null).student());
        assertEquals(new Identification.Known(BinaryFormats.STUDENT_POLICY), BinaryFormats.identify(student));
        DatasetFormatException back = assertThrows(DatasetFormatException.class,
                () -> TransitionBinary.read(new ByteArrayInputStream(student), "student-1.policy"));
        assertEquals("student-1.policy: this is a distill/policy student, not a NetTwin transition dataset (.ntds)", back.getMessage());
        FormatRefusal.check(BinaryFormats.STUDENT_POLICY, in -> Students.load(teacher.observationSpace(), teacher.actionSpace(), in));
    }

    private static byte[] bytes(Policy<?, ?> p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.save(out);
        return out.toByteArray();
    }

    @Test
    void badInputIsRefusedClearly() {
        Policy<double[], double[]> teacher = boxTeacher();
        Config c = config(Map.of());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> distiller.distill(teacher, new TransitionDataset(3, 1, Map.of()), c, 1, null));
        assertTrue(empty.getMessage().contains("states: the dataset is empty"), empty.getMessage());

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> distiller.distill(teacher, Teachers.states(new Box(5, 0, 1), 10, 1), c, 1, null));
        assertTrue(size.getMessage().contains("observations have 5 values") && size.getMessage().contains("encodes to 3"),
                size.getMessage());

        Space<double[]> one = new Box(1, 0, 1);
        DictSpace dict = new DictSpace(Map.of("ap", new Discrete(2), "power", new Box(1, 0, 1)));
        IllegalArgumentException composite = assertThrows(IllegalArgumentException.class, () -> distiller.distill(
                Teachers.of(one, dict, 0, o -> null), Teachers.states(one, 10, 1), c, 1, null));
        assertTrue(composite.getMessage().contains("composite space"), composite.getMessage());

        RuntimeException fraction = assertThrows(RuntimeException.class, () -> config(Map.of("validationFraction", 0.95)));
        assertTrue(fraction.getMessage().contains("validationFraction"), fraction.getMessage());
        // one state: nothing to validate on (floor(0.2 * 1) = 0), the student still trains
        assertTrue(Double.isFinite(distiller.distill(teacher, Teachers.states(OBS, 1, 1), c, 1, null).finalLoss()));

        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> distiller.distill(
                Teachers.of(OBS, new Box(1, 0, 1), 0, o -> new double[] {2}), Teachers.states(OBS, 10, 1), c, 1, null));
        assertTrue(outside.getMessage().contains("outside its action space"), outside.getMessage());

        assertThrows(RuntimeException.class, () -> config(Map.of("hidden", List.of(0))), "hidden units must be positive");
    }

    @Test
    void theConfigurationRecordKeepsTheNamesAndDefaults() {
        assertEquals(List.of("hidden", "activation", "epochs", "batchSize", "learningRate", "validationFraction"),
                List.copyOf(distiller.configSchema().parameters().keySet()));
        assertEquals(new DistillConfig(List.of(16), "relu", 40, 64, 3e-3, 0.2), config(Map.of()).as(DistillConfig.class));
        assertEquals(org.nettwin.nn.Activation.TANH, config(Map.of("activation", "tanh")).as(DistillConfig.class).hiddenActivation());
        var e = assertThrows(org.nettwin.api.config.ConfigException.class,
                () -> distiller.configSchema().validate(Map.of("activation", "sigmoid"), "distill.config"));
        assertEquals("distill.config.activation", e.problems().get(0).path(), e.getMessage());
    }
}
