package org.nettwin.twin.tabular.internal;

import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.env.BaseEnvironment;
import org.nettwin.api.env.FiniteMdp;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.env.Step;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Space;
import org.nettwin.api.space.TableIndex;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinAccuracy;

/**
 * A digital twin of a finite environment: the counted (maximum-likelihood) MDP of the data it
 * was built from. Stepping samples a successor in proportion to its count, the reward is the
 * empirical mean reward of the state-action pair, and episodes start from observed episode
 * starts and are truncated after {@code maxEpisodeSteps}. It exposes its tables like a real
 * finite scenario, so exact analysis (value iteration, bisimulation metrics) applies to it. Its
 * observation features have the real environment's names.
 */
final class TabularTwin extends BaseEnvironment<Object, Object> implements DigitalTwin<Object, Object>, FiniteMdp<Object> {

    static final String ID = "twin/tabular";

    private final TableIndex stateIndex;
    private final TableIndex actionIndex;
    private final CountedMdp model;
    private final int maxEpisodeSteps;
    private final Object[] observationOf;
    private final boolean[] terminated = new boolean[1];
    private final double[] encodedObservation;
    private final double[] encodedAction;
    private int state;
    private int t;

    TabularTwin(Space<Object> observations, Space<Object> actions, List<String> features, TableIndex stateIndex, TableIndex actionIndex,
            CountedMdp model, int maxEpisodeSteps) {
        super(ID, observations, actions, List.of(), features);
        this.stateIndex = stateIndex;
        this.actionIndex = actionIndex;
        this.model = model;
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.observationOf = new Object[stateIndex.size()];
        this.encodedObservation = new double[observations.encodedSize()];
        this.encodedAction = new double[actions.encodedSize()];
    }

    /** Adds every transition of {@code data} (and its episode starts) to the counts. */
    void absorb(TransitionDataset data) {
        for (int i = 0; i < data.size(); i++) {
            data.observation(i, encodedObservation, 0);
            int s = stateIndex.indexEncoded(encodedObservation, 0);
            if (i == 0 || data.episode(i) != data.episode(i - 1)) {
                model.start(s);
            }
            data.action(i, encodedAction, 0);
            int a = actionIndex.indexEncoded(encodedAction, 0);
            data.nextObservation(i, encodedObservation, 0);
            model.add(s, a, data.reward(i), stateIndex.indexEncoded(encodedObservation, 0), data.terminated(i));
        }
    }

    /** @return how often {@code (s, a)} was observed */
    long visits(int s, int a) {
        return model.visits(s, a);
    }

    private Object observation(int s) {
        Object o = observationOf[s];
        if (o == null) {
            o = stateIndex.value(s);
            observationOf[s] = o; // decoded once per state, then reused: stepping allocates nothing
        }
        return o;
    }

    @Override
    protected void resetEpisode(RandomGenerator random, Step<Object> out) {
        if (model.startTotal() == 0) {
            throw new IllegalStateException(ID + ": the twin has seen no episode start; build it from a non-empty dataset");
        }
        state = model.sampleStart(random);
        t = 0;
        out.set(observation(state), 0, false, false);
    }

    @Override
    protected void advance(Object action, Step<Object> out) {
        int a = actionIndex.index(action);
        double reward = model.reward(state, a);
        state = model.sampleNext(state, a, random(), terminated);
        t++;
        out.set(observation(state), reward, terminated[0], !terminated[0] && t >= maxEpisodeSteps);
    }

    @Override
    public MdpTables tables() {
        return model.tables();
    }

    @Override
    public int stateIndex(Object observation) {
        return stateIndex.index(observation);
    }

    @Override
    public int actionIndex(Object action) {
        return actionIndex.index(action);
    }

    @Override
    public void calibrate(TransitionDataset fresh, TrainingListener listener) {
        absorb(fresh);
        listener.onMetric(0, "twin_calibration_transitions", fresh.size());
    }

    /**
     * One-step errors compare the model's expected next observation (encoded) with the real one;
     * k-step errors propagate the model's state distribution along the real actions from real
     * starting points and compare its expectation with the real observation k steps later.
     */
    @Override
    public TwinAccuracy evaluate(TransitionDataset heldOut, int horizon) {
        int n = heldOut.size();
        int features = observationSpace().encodedSize();
        double[] squared = new double[features];
        double rewardSquared = 0;
        double[] dist = new double[model.states];
        double[] next = new double[model.states];
        double[] expected = new double[features];
        double[] actual = new double[features];
        double[] stateValue = new double[features];
        for (int i = 0; i < n; i++) {
            heldOut.observation(i, encodedObservation, 0);
            int s = stateIndex.indexEncoded(encodedObservation, 0);
            heldOut.action(i, encodedAction, 0);
            int a = actionIndex.indexEncoded(encodedAction, 0);
            java.util.Arrays.fill(next, 0.0);
            model.spread(s, a, 1.0, next);
            expectation(next, expected, stateValue);
            heldOut.nextObservation(i, actual, 0);
            for (int k = 0; k < features; k++) {
                double d = expected[k] - actual[k];
                squared[k] += d * d;
            }
            double dr = model.reward(s, a) - heldOut.reward(i);
            rewardSquared += dr * dr;
        }
        double[] oneStep = new double[features];
        for (int k = 0; k < features; k++) {
            oneStep[k] = n == 0 ? 0 : Math.sqrt(squared[k] / n);
        }
        double[] rollout = new double[Math.max(0, horizon)];
        long[] rolloutCount = new long[rollout.length];
        int stride = Math.max(1, n / 500); // at most ~500 starting points keep evaluation fast on big datasets
        for (int i = 0; i < n; i += stride) {
            heldOut.observation(i, encodedObservation, 0);
            java.util.Arrays.fill(dist, 0.0);
            dist[stateIndex.indexEncoded(encodedObservation, 0)] = 1.0;
            for (int h = 0; h < rollout.length && i + h < n && heldOut.episode(i + h) == heldOut.episode(i); h++) {
                heldOut.action(i + h, encodedAction, 0);
                int a = actionIndex.indexEncoded(encodedAction, 0);
                java.util.Arrays.fill(next, 0.0);
                for (int s = 0; s < dist.length; s++) {
                    if (dist[s] > 0) {
                        model.spread(s, a, dist[s], next);
                    }
                }
                System.arraycopy(next, 0, dist, 0, dist.length);
                expectation(dist, expected, stateValue);
                heldOut.nextObservation(i + h, actual, 0);
                double sum = 0;
                for (int k = 0; k < features; k++) {
                    double d = expected[k] - actual[k];
                    sum += d * d;
                }
                rollout[h] += sum / features;
                rolloutCount[h]++;
            }
        }
        for (int h = 0; h < rollout.length; h++) {
            rollout[h] = rolloutCount[h] == 0 ? Double.NaN : Math.sqrt(rollout[h] / rolloutCount[h]);
        }
        return new TwinAccuracy(observationFeatures(), oneStep, rollout, n == 0 ? 0 : Math.sqrt(rewardSquared / n), n);
    }

    /** The expected encoded observation under a distribution over states. */
    private void expectation(double[] distribution, double[] out, double[] scratch) {
        java.util.Arrays.fill(out, 0.0);
        for (int s = 0; s < distribution.length; s++) {
            if (distribution[s] > 0) {
                stateIndex.encodedValue(s, scratch, 0);
                for (int k = 0; k < out.length; k++) {
                    out[k] += distribution[s] * scratch[k];
                }
            }
        }
    }
}
