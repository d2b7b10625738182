package org.nettwin.twin.sequence.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import org.nettwin.api.Seeds;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.twin.sequence.SequenceModel;

/**
 * Supervised training of the two models of a window twin: a split of the samples BY EPISODE (so
 * validation windows never share an episode, nor overlapping history, with training windows),
 * shuffled minibatch epochs, and early stopping on the validation MSE with the best weights
 * restored. The state and the reward model are independent, so they train at the same time on
 * two threads; each has its own seeded shuffle stream, so the result does not depend on timing.
 */
public final class SequenceTrainer {

    private SequenceTrainer() {
    }

    /** Training and validation sample indices. */
    public record Split(int[] train, int[] validation) {
    }

    /** Per-epoch mean losses of one model and the epoch whose weights were kept. */
    public record History(double[] trainLoss, double[] validationLoss, int bestEpoch) {
        /** @return epochs run */
        public int epochs() {
            return trainLoss.length;
        }
    }

    /**
     * Puts a share {@code fraction} of the episodes (at least one, if there are two or more and
     * {@code fraction > 0}), drawn with {@code seed}, into validation.
     */
    public static Split splitByEpisode(TransitionDataset data, double fraction, long seed) {
        int n = data.size();
        int[] starts = new int[n];
        int[] episodeOf = new int[n];
        int episodes = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || data.episode(i) != data.episode(i - 1)) {
                starts[episodes++] = i;
            }
            episodeOf[i] = episodes - 1;
        }
        int held = fraction <= 0 || episodes < 2 ? 0 : Math.min(episodes - 1, Math.max(1, (int) Math.round(fraction * episodes)));
        int[] order = identity(episodes);
        shuffle(order, Seeds.generator(seed));
        boolean[] heldEpisode = new boolean[episodes];
        for (int e = 0; e < held; e++) {
            heldEpisode[order[e]] = true;
        }
        boolean[] validation = new boolean[n];
        int vCount = 0;
        for (int i = 0; i < n; i++) {
            validation[i] = heldEpisode[episodeOf[i]];
            vCount += validation[i] ? 1 : 0;
        }
        int[] train = new int[n - vCount];
        int[] val = new int[vCount];
        int t = 0;
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (validation[i]) {
                val[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new Split(train, val);
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    /**
     * Trains {@code model} on the {@code split.train()} samples for at most {@code epochs} epochs;
     * with a validation set, stops after {@code patience} epochs without improvement and restores
     * the best weights.
     *
     * @param reward whether this is the reward model (else the state model)
     */
    public static History train(SequenceModel model, SequenceData data, boolean reward, Split split, int epochs, int patience, long seed,
            BooleanSupplier cancelled) {
        int batch = model.maxBatch();
        int width = reward ? data.rewardWidth() : data.features();
        int ws = data.windowSize();
        double[] windows = new double[batch * ws];
        double[] targets = new double[batch * width];
        int[] order = split.train().clone();
        RandomGenerator random = Seeds.generator(seed);
        double[] trainLoss = new double[epochs];
        double[] validationLoss = new double[epochs];
        double best = Double.POSITIVE_INFINITY;
        double[] bestParameters = null;
        int bestEpoch = -1;
        int run = 0;
        for (; run < epochs && !cancelled.getAsBoolean(); run++) {
            shuffle(order, random);
            double sum = 0;
            for (int from = 0; from < order.length; from += batch) {
                int b = Math.min(batch, order.length - from);
                for (int k = 0; k < b; k++) {
                    data.window(order[from + k], windows, k * ws);
                    data.targets(order[from + k], reward, targets, k * width);
                }
                sum += model.fit(windows, targets, b) * b;
            }
            trainLoss[run] = sum / Math.max(1, order.length);
            validationLoss[run] = split.validation().length == 0 ? Double.NaN : loss(model, data, reward, split.validation());
            if (split.validation().length > 0) {
                if (validationLoss[run] < best) {
                    best = validationLoss[run];
                    bestParameters = model.parameters();
                    bestEpoch = run;
                } else if (run - bestEpoch >= patience) {
                    run++;
                    break;
                }
            } else {
                bestEpoch = run;
            }
        }
        if (bestParameters != null) {
            model.setParameters(bestParameters);
        }
        return new History(Arrays.copyOf(trainLoss, run), Arrays.copyOf(validationLoss, run), bestEpoch);
    }

    /** @return the mean squared error of {@code model} over the samples {@code rows} (normalised targets) */
    public static double loss(SequenceModel model, SequenceData data, boolean reward, int[] rows) {
        int batch = model.maxBatch();
        int width = reward ? data.rewardWidth() : data.features();
        int ws = data.windowSize();
        double[] windows = new double[batch * ws];
        double[] targets = new double[batch * width];
        double[] out = new double[batch * width];
        double sum = 0;
        for (int from = 0; from < rows.length; from += batch) {
            int b = Math.min(batch, rows.length - from);
            for (int k = 0; k < b; k++) {
                data.window(rows[from + k], windows, k * ws);
                data.targets(rows[from + k], reward, targets, k * width);
            }
            model.predictBatch(windows, b, out);
            for (int k = 0; k < b * width; k++) {
                double e = out[k] - targets[k];
                sum += e * e;
            }
        }
        return rows.length == 0 ? Double.NaN : sum / ((double) rows.length * width);
    }

    /**
     * Trains the state and the reward model at the same time (the state model on a second
     * thread), then reports per epoch {@code PREFIX_state_train_loss},
     * {@code PREFIX_state_validation_loss}, {@code PREFIX_reward_train_loss},
     * {@code PREFIX_reward_validation_loss} (metric step = epoch) and the epochs kept.
     *
     * @return the two histories, state first
     */
    public static History[] trainBoth(SequenceModel state, SequenceModel reward, SequenceData data, Split split, int epochs, int patience,
            long seed, TrainingListener listener, String prefix) {
        AtomicReference<Object> stateResult = new AtomicReference<>();
        // listeners are called on the learning thread only: it polls cancellation and the worker reads the flag
        AtomicBoolean cancelled = new AtomicBoolean(listener.isCancelled());
        Thread worker = new Thread(() -> {
            try {
                stateResult.set(train(state, data, false, split, epochs, patience, Seeds.derive(seed, "state"), cancelled::get));
            } catch (Throwable e) {
                stateResult.set(e);
            }
        }, "twin-state-model");
        worker.setDaemon(true);
        worker.start();
        History rewardHistory = train(reward, data, true, split, epochs, patience, Seeds.derive(seed, "reward"), () -> {
            if (listener.isCancelled()) {
                cancelled.set(true);
            }
            return cancelled.get();
        });
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the state model", e);
        }
        if (stateResult.get() instanceof Throwable t) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);
        }
        History stateHistory = (History) stateResult.get();
        report(listener, prefix + "_state", stateHistory);
        report(listener, prefix + "_reward", rewardHistory);
        return new History[] {stateHistory, rewardHistory};
    }

    private static void report(TrainingListener listener, String name, History h) {
        for (int e = 0; e < h.epochs(); e++) {
            listener.onMetric(e, name + "_train_loss", h.trainLoss()[e]);
            if (!Double.isNaN(h.validationLoss()[e])) {
                listener.onMetric(e, name + "_validation_loss", h.validationLoss()[e]);
            }
        }
        listener.onMetric(h.epochs(), name + "_best_epoch", h.bestEpoch());
    }
}
