package org.nettwin.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nettwin.nn.Activation;
import org.nettwin.nn.Adam;
import org.nettwin.nn.Loss;
import org.nettwin.nn.Lstm;
import org.nettwin.nn.Mlp;
import org.nettwin.nn.Vae;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code org.nettwin.nn} targets of issue 4, at the seeds' network sizes (one thread):
 * <ul>
 * <li>MLP 16→64→24→4 forward, batch 1: ≤ 0.5 µs</li>
 * <li>DQN update, (64,24) hidden, batch 32, target forward + Adam step: ≥ 24,000/s (≤ 41.7 µs)</li>
 * <li>TD3 update, actor (48,24), twin critics (64,24), batch 32: ≥ 8,000/s (≤ 125 µs)</li>
 * <li>LSTM 64 units over 10 steps, input 8: training step batch 32 ≤ 2 ms; one-window prediction ≤ 40 µs</li>
 * <li>VAE 7→(64,24)→4 training step, batch 32: ≤ 60 µs</li>
 * </ul>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NnBenchmarks {

    private static final int BATCH = 32;
    private static final int OBS = 16;
    private static final int ACTIONS = 4;
    private static final double GAMMA = 0.99;

    // DQN
    private Mlp q;
    private Mlp qTarget;
    private Adam qAdam;
    private double[] obs;
    private double[] nextObs;
    private double[] rewards;
    private double[] done;
    private int[] actions;
    private double[] targets;
    private double[] qGrad;
    private double[] oneObs;

    // TD3
    private Mlp actor;
    private Mlp actorTarget;
    private Mlp critic1;
    private Mlp critic2;
    private Mlp critic1Target;
    private Mlp critic2Target;
    private Adam actorAdam;
    private Adam critic1Adam;
    private Adam critic2Adam;
    private double[] contActions;
    private double[] noise;
    private double[] sa;
    private double[] criticGrad;
    private double[] dqds;
    private double[] actorGrad;
    private double[] y;
    private double[] minusOne;
    private long td3Updates;

    // LSTM twin
    private Lstm lstm;
    private Adam lstmAdam;
    private double[] windows;
    private double[] nextStates;
    private double[] lstmGrad;

    // VAE
    private Vae vae;
    private Adam vaeAdam;
    private double[] vaeBatch;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        q = Mlp.builder(OBS).dense(64, Activation.RELU).dense(24, Activation.RELU).dense(ACTIONS, Activation.LINEAR)
                .maxBatch(BATCH).build(1);
        qTarget = Mlp.builder(OBS).dense(64, Activation.RELU).dense(24, Activation.RELU).dense(ACTIONS, Activation.LINEAR)
                .maxBatch(BATCH).build(2);
        qTarget.copyParametersFrom(q);
        qAdam = Adam.of(q, 1e-3);
        obs = random(r, BATCH * OBS);
        nextObs = random(r, BATCH * OBS);
        rewards = random(r, BATCH);
        done = new double[BATCH];
        actions = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            actions[b] = r.nextInt(ACTIONS);
            done[b] = r.nextInt(10) == 0 ? 1 : 0;
        }
        targets = new double[BATCH];
        qGrad = new double[BATCH * ACTIONS];
        oneObs = random(r, OBS);

        actor = Mlp.builder(OBS).dense(48, Activation.RELU).dense(24, Activation.RELU).dense(ACTIONS, Activation.TANH)
                .maxBatch(BATCH).build(3);
        actorTarget = Mlp.builder(OBS).dense(48, Activation.RELU).dense(24, Activation.RELU).dense(ACTIONS, Activation.TANH)
                .maxBatch(BATCH).build(3);
        critic1 = critic(4);
        critic2 = critic(5);
        critic1Target = critic(4);
        critic2Target = critic(5);
        actorAdam = Adam.of(actor, 1e-3);
        critic1Adam = Adam.of(critic1, 1e-3);
        critic2Adam = Adam.of(critic2, 1e-3);
        contActions = random(r, BATCH * ACTIONS);
        noise = new double[BATCH * ACTIONS];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = Math.max(-0.5, Math.min(0.5, 0.2 * r.nextDouble() - 0.1));
        }
        sa = new double[BATCH * (OBS + ACTIONS)];
        criticGrad = new double[BATCH];
        dqds = new double[BATCH * (OBS + ACTIONS)];
        actorGrad = new double[BATCH * ACTIONS];
        y = new double[BATCH];
        minusOne = new double[BATCH];
        java.util.Arrays.fill(minusOne, -1.0 / BATCH);

        lstm = Lstm.builder(8, 64, 10).dense(8, Activation.LINEAR).maxBatch(BATCH).build(6);
        lstmAdam = Adam.of(lstm, 1e-3);
        windows = random(r, BATCH * 10 * 8);
        nextStates = random(r, BATCH * 8);
        lstmGrad = new double[BATCH * 8];

        vae = Vae.builder(7, 4).encoder(64, 24).decoder(24, 64).maxBatch(BATCH).build(7);
        vaeAdam = Adam.of(vae, 1e-3);
        vaeBatch = random(r, BATCH * 7);
    }

    private static Mlp critic(long seed) {
        return Mlp.builder(OBS + ACTIONS).dense(64, Activation.RELU).dense(24, Activation.RELU).dense(1, Activation.LINEAR)
                .maxBatch(BATCH).build(seed);
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = 2 * r.nextDouble() - 1;
        }
        return v;
    }

    /** Greedy action of a DQN: MLP 16→64→24→4 forward of one observation. */
    @Benchmark
    public double mlpForwardBatch1() {
        return q.predict(oneObs)[0];
    }

    /** One DQN update: target network forward on s', TD targets, online forward/backward (Huber on the taken actions), Adam. */
    @Benchmark
    public double dqnUpdate() {
        double[] next = qTarget.forward(nextObs, BATCH);
        for (int b = 0; b < BATCH; b++) {
            double max = next[b * ACTIONS];
            for (int a = 1; a < ACTIONS; a++) {
                max = Math.max(max, next[b * ACTIONS + a]);
            }
            targets[b] = rewards[b] + GAMMA * (1 - done[b]) * max;
        }
        q.zeroGradients();
        double loss = Loss.huberSelected(q.forward(obs, BATCH), actions, targets, BATCH, ACTIONS, 1.0, qGrad);
        q.backward(qGrad, BATCH);
        qAdam.step(q);
        return loss;
    }

    /**
     * One TD3 update (Fujimoto et al.): target actions with clipped smoothing noise, twin target
     * critics, both critics' regressions with Adam; every second call the delayed actor update
     * (dQ1/da through critic 1) and Polyak updates of the three target networks.
     */
    @Benchmark
    public double td3Update() {
        double[] a2 = actorTarget.forward(nextObs, BATCH);
        concat(nextObs, a2, true);
        double[] q1 = critic1Target.forward(sa, BATCH);
        double[] q2 = critic2Target.forward(sa, BATCH);
        for (int b = 0; b < BATCH; b++) {
            y[b] = rewards[b] + GAMMA * (1 - done[b]) * Math.min(q1[b], q2[b]);
        }
        concat(obs, contActions, false);
        critic1.zeroGradients();
        double loss = Loss.mse(critic1.forward(sa, BATCH), y, BATCH, criticGrad);
        critic1.backward(criticGrad, BATCH);
        critic1Adam.step(critic1);
        critic2.zeroGradients();
        loss += Loss.mse(critic2.forward(sa, BATCH), y, BATCH, criticGrad);
        critic2.backward(criticGrad, BATCH);
        critic2Adam.step(critic2);
        if ((++td3Updates & 1) == 0) {
            double[] a = actor.forward(obs, BATCH);
            concat(obs, a, false);
            critic1.forward(sa, BATCH);
            // maximise the mean of Q1(s, π(s)): dL/dQ = −1/B
            critic1.inputGradient(minusOne, BATCH, dqds);
            for (int b = 0; b < BATCH; b++) {
                System.arraycopy(dqds, b * (OBS + ACTIONS) + OBS, actorGrad, b * ACTIONS, ACTIONS);
            }
            actor.zeroGradients();
            actor.backward(actorGrad, BATCH);
            actorAdam.step(actor);
            actorTarget.softUpdateFrom(actor, 0.005);
            critic1Target.softUpdateFrom(critic1, 0.005);
            critic2Target.softUpdateFrom(critic2, 0.005);
        }
        return loss;
    }

    /** Writes rows [s | a] into {@code sa}; with {@code smooth}, a gets the clipped target-policy noise. */
    private void concat(double[] s, double[] a, boolean smooth) {
        int w = OBS + ACTIONS;
        for (int b = 0; b < BATCH; b++) {
            System.arraycopy(s, b * OBS, sa, b * w, OBS);
            for (int k = 0; k < ACTIONS; k++) {
                double v = a[b * ACTIONS + k];
                if (smooth) {
                    v = Math.max(-1.0, Math.min(1.0, v + noise[b * ACTIONS + k]));
                }
                sa[b * w + OBS + k] = v;
            }
        }
    }

    /** LSTM twin training step: 64 units over 10 steps of 8 inputs, dense head to 8, batch 32, MSE, BPTT, Adam. */
    @Benchmark
    public double lstmTrainStep() {
        lstm.zeroGradients();
        double loss = Loss.mse(lstm.forward(windows, BATCH), nextStates, BATCH * 8, lstmGrad);
        lstm.backward(lstmGrad, BATCH);
        lstmAdam.step(lstm);
        return loss;
    }

    /** LSTM twin one-window prediction (10 steps of 8 inputs). */
    @Benchmark
    public double lstmPredictWindow() {
        return lstm.predict(windows)[0];
    }

    /** VAE 7→(64,24)→4→(24,64)→7 training step, batch 32: forward with fresh noise, loss, backward, Adam. */
    @Benchmark
    public double vaeTrainStep() {
        vae.zeroGradients();
        double loss = vae.computeGradients(vaeBatch, BATCH);
        vaeAdam.step(vae);
        return loss;
    }
}
