package org.nettwin.distill.internal;

import java.util.Objects;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.SeededRandom;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.distill.Distillation;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Space;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Mlp;
import org.osgi.service.component.annotations.Component;

/**
 * {@code distill/policy}: policy distillation (Rusu et al. 2016, as used by the slicing paper to
 * shrink its DRL agent) — a small student MLP trained by supervised learning on the teacher's
 * deterministic actions over the states of a dataset. The loss depends on the action space
 * ({@link StudentHead}). States are shuffled (seeded) and split into training and validation
 * parts; training runs {@code epochs} passes of Adam minibatches and keeps the parameters of the
 * epoch with the lowest validation loss (the last epoch when there is no validation part).
 */
@Component(service = Distiller.class, property = "nettwin.id=distill/policy")
public final class PolicyDistiller implements Distiller {

    static final String ID = "distill/policy";

    private static final ConfigSchema SCHEMA = ConfigSchema.of(DistillConfig.class);

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Policy distillation",
                "Compresses a teacher policy into a small MLP student trained on the teacher's actions over dataset states: "
                        + "cross-entropy to its discrete action, MSE to its Box action (tanh head), cross-entropy to its Simplex shares.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Distillation distill(Policy<?, ?> teacher, TransitionDataset states, Config config, long seed, TrainingListener listener) {
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(states, "states");
        TrainingListener events = listener == null ? TrainingListener.NONE : listener;
        Space<Object> obs = (Space<Object>) teacher.observationSpace();
        Space<Object> act = (Space<Object>) teacher.actionSpace();
        if (states.size() == 0) {
            throw new IllegalArgumentException("states: the dataset is empty; distillation needs states to query the teacher on");
        }
        if (states.observationSize() != obs.encodedSize()) {
            throw new IllegalArgumentException("states: observations have " + states.observationSize() + " values, but the teacher's "
                    + "observation space " + obs.describe() + " encodes to " + obs.encodedSize());
        }
        StudentHead head = StudentHead.of(act);
        DistillConfig s = config.as(DistillConfig.class);
        int n = states.size();
        int validation = (int) Math.floor(n * s.validationFraction());
        int training = n - validation; // >= 1: the fraction is at most 0.9 and rounds down

        // query the teacher once per state: inputs (flattened) and targets, in a seeded random order
        int inputs = obs.flatSize();
        int width = head.targetWidth();
        double[] x = new double[n * inputs];
        double[] t = new double[n * width];
        int[] order = permutation(n, Seeds.generator(Seeds.derive(seed, "distill-split")));
        double[] encoded = new double[states.observationSize()];
        Policy raw = teacher;
        for (int r = 0; r < n; r++) {
            states.observation(order[r], encoded, 0);
            Object o = obs.decode(encoded, 0);
            Object a = raw.act(o);
            if (!act.contains(a)) {
                throw new IllegalArgumentException("teacher returned an action outside its action space " + act.describe()
                        + " for state " + order[r]);
            }
            obs.flatten(o, x, r * inputs);
            head.target(a, t, r * width);
        }

        int batch = Math.min(s.batchSize(), training);
        Mlp.Builder b = Mlp.builder(inputs).maxBatch(batch);
        for (int h : s.hidden()) {
            b.dense(h, s.hiddenActivation());
        }
        Mlp student = b.dense(head.outputs(), head.outputActivation()).build(Seeds.derive(seed, "distill-student"));
        Trainer trainer = new Trainer(student, head, x, t, inputs, width, batch);
        Adam adam = Adam.of(student, s.learningRate());
        SeededRandom shuffle = Seeds.generator(Seeds.derive(seed, "distill-shuffle"));
        int[] trainRows = new int[training];
        for (int i = 0; i < training; i++) {
            trainRows[i] = i;
        }
        double[] best = student.parameters().clone();
        double bestValidation = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= s.epochs() && !events.isCancelled(); epoch++) {
            shuffleInPlace(trainRows, shuffle);
            double trainLoss = 0;
            for (int from = 0; from < training; from += batch) {
                int size = Math.min(batch, training - from);
                trainLoss += trainer.step(adam, trainRows, from, size) * size;
            }
            events.onMetric(epoch, "trainLoss", trainLoss / training);
            if (validation > 0) {
                double v = trainer.meanLoss(training, n);
                events.onMetric(epoch, "validationLoss", v);
                if (v < bestValidation) {
                    bestValidation = v;
                    System.arraycopy(student.parameters(), 0, best, 0, best.length);
                }
            }
            events.onProgress(epoch, s.epochs());
        }
        if (validation > 0) {
            student.setParameters(best);
        }
        double finalLoss = trainer.meanLoss(0, training);
        return new Distillation(new StudentPolicy(obs, act, head, student), teacher.parameterCount(), student.parameterCount(), finalLoss);
    }

    private static int[] permutation(int n, SeededRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffleInPlace(p, random);
        return p;
    }

    /** Fisher–Yates. */
    private static void shuffleInPlace(int[] a, SeededRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Minibatch steps and loss evaluation over row ranges of the query table; allocates only at construction. */
    static final class Trainer {
        private final Mlp net;
        private final StudentHead head;
        private final double[] x;
        private final double[] t;
        private final int inputs;
        private final int width;
        private final int maxBatch;
        private final double[] xb;
        private final double[] tb;
        private final double[] grad;

        Trainer(Mlp net, StudentHead head, double[] x, double[] t, int inputs, int width, int maxBatch) {
            this.net = net;
            this.head = head;
            this.x = x;
            this.t = t;
            this.inputs = inputs;
            this.width = width;
            this.maxBatch = maxBatch;
            this.xb = new double[maxBatch * inputs];
            this.tb = new double[maxBatch * width];
            this.grad = new double[maxBatch * net.outputSize()];
        }

        /** One Adam step on rows {@code rows[from..from+size)}; returns the batch loss before the step. */
        double step(Adam adam, int[] rows, int from, int size) {
            for (int k = 0; k < size; k++) {
                int r = rows[from + k];
                System.arraycopy(x, r * inputs, xb, k * inputs, inputs);
                System.arraycopy(t, r * width, tb, k * width, width);
            }
            double loss = head.loss(net.forward(xb, size), tb, size, grad);
            net.zeroGradients();
            net.backward(grad, size);
            adam.step(net.parameters(), net.gradients());
            return loss;
        }

        /** @return the mean loss over rows [from, to) */
        double meanLoss(int from, int to) {
            double sum = 0;
            for (int r = from; r < to; r += maxBatch) {
                int size = Math.min(maxBatch, to - r);
                System.arraycopy(x, r * inputs, xb, 0, size * inputs);
                System.arraycopy(t, r * width, tb, 0, size * width);
                sum += head.loss(net.forward(xb, size), tb, size, grad) * size;
            }
            return sum / (to - from);
        }
    }
}
