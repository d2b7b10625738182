package org.nettwin.nn;

import java.util.Arrays;

import org.nettwin.nn.internal.DenseStack;
import org.nettwin.nn.internal.Sigmoids;
import org.nettwin.nn.internal.SplitMix;

/**
 * A variational autoencoder (Kingma and Welling, 2014): an encoder MLP gives the mean
 * {@code μ} and log-variance {@code log σ²} of a diagonal Gaussian over {@code latent}
 * dimensions, a sample {@code z = μ + σ⊙ε} (reparameterisation, {@code ε ~ N(0, I)} from a
 * generator seeded at build time) feeds a decoder MLP back to the input space.
 * <pre>{@code
 * Vae vae = Vae.builder(7, 4).encoder(64, 24).decoder(24, 64).beta(1.0).maxBatch(32).build(seed);
 * vae.zeroGradients();
 * double loss = vae.computeGradients(batch, 32);
 * adam.step(vae);
 * double[] embedding = vae.encode(batch, 32); // the means
 * }</pre>
 *
 * <p>Loss per batch: {@code MSE(x̂, x)} (mean over all {@code batch × inputs} values) plus
 * {@code β · KL}, with {@code KL = −½ (1/B) Σ_b Σ_j (1 + log σ² − μ² − σ²)}, the mean over the
 * batch of the KL divergence to {@code N(0, I)}.
 *
 * <p>Parameter layout: the encoder ({@code inputs → hidden… → 2·latent}, linear output: the
 * first {@code latent} outputs are {@code μ}, the next {@code log σ²}), then the decoder
 * ({@code latent → hidden… → inputs}), each as in {@link Mlp}.
 *
 * @since 0.1
 */
public final class Vae extends Network {

    private final int inputs;
    private final int latent;
    private final int[] encoderUnits;
    private final int[] decoderUnits;
    private final Activation hiddenActivation;
    private final Activation outputActivation;
    private final double beta;
    private final int maxBatch;
    private final DenseStack encoder;
    private final DenseStack decoder;
    private final SplitMix noise;
    private final String architecture;

    private final double[] eps;
    private final double[] z;
    private final double[] dz;
    private final double[] dEnc;
    private final double[] dRec;
    private final double[] mean;
    private double lastReconstruction;
    private double lastKl;

    private Vae(int inputs, int latent, int[] encoderUnits, int[] decoderUnits, Activation hiddenActivation,
            Activation outputActivation, double beta, int maxBatch, long seed) {
        super(DenseStack.parameterCount(inputs, stackUnits(encoderUnits, 2 * latent))
                + DenseStack.parameterCount(latent, stackUnits(decoderUnits, inputs)));
        this.inputs = inputs;
        this.latent = latent;
        this.encoderUnits = encoderUnits.clone();
        this.decoderUnits = decoderUnits.clone();
        this.hiddenActivation = hiddenActivation;
        this.outputActivation = outputActivation;
        this.beta = beta;
        this.maxBatch = maxBatch;
        int[] eu = stackUnits(encoderUnits, 2 * latent);
        int[] du = stackUnits(decoderUnits, inputs);
        this.encoder = new DenseStack(inputs, eu, activations(eu.length, hiddenActivation, Activation.LINEAR), false,
                maxBatch, params, grads, 0);
        this.decoder = new DenseStack(latent, du, activations(du.length, hiddenActivation, outputActivation), false,
                maxBatch, params, grads, encoder.parameterCount());
        SplitMix rng = new SplitMix(seed);
        encoder.initialise(rng, Init.AUTO);
        decoder.initialise(rng, Init.AUTO);
        // the noise stream is derived from the seed but independent of the weight draws
        this.noise = new SplitMix(seed ^ 0x5DEECE66DL * 0x9E3779B97F4A7C15L);
        StringBuilder s = new StringBuilder("vae ").append(inputs).append("-(");
        for (int k = 0; k < encoderUnits.length; k++) {
            s.append(k > 0 ? "," : "").append(encoderUnits[k]);
        }
        s.append(")-").append(latent).append("-(");
        for (int k = 0; k < decoderUnits.length; k++) {
            s.append(k > 0 ? "," : "").append(decoderUnits[k]);
        }
        s.append(")-").append(inputs).append(' ').append(hiddenActivation.name().toLowerCase(java.util.Locale.ROOT))
                .append('/').append(outputActivation.name().toLowerCase(java.util.Locale.ROOT));
        this.architecture = s.toString();
        eps = new double[maxBatch * latent];
        z = new double[maxBatch * latent];
        dz = new double[maxBatch * latent];
        dEnc = new double[maxBatch * 2 * latent];
        dRec = new double[maxBatch * inputs];
        mean = new double[maxBatch * latent];
    }

    private static int[] stackUnits(int[] hidden, int last) {
        int[] u = Arrays.copyOf(hidden, hidden.length + 1);
        u[hidden.length] = last;
        return u;
    }

    private static Activation[] activations(int n, Activation hidden, Activation last) {
        Activation[] a = new Activation[n];
        Arrays.fill(a, hidden);
        a[n - 1] = last;
        return a;
    }

    /** Starts a VAE over {@code inputs} values with a {@code latent}-dimensional code. */
    public static Builder builder(int inputs, int latent) {
        return new Builder(inputs, latent);
    }

    /**
     * One training pass on {@code batch} samples with fresh noise from the VAE's generator:
     * forward, loss, and backward; the gradients are ADDED to {@link #gradients()}.
     *
     * @return the loss (reconstruction MSE + β·KL)
     */
    public double computeGradients(double[] x, int batch) {
        drawNoise(batch);
        return run(x, batch, eps, true);
    }

    /** As {@link #computeGradients(double[], int)} with the given noise {@code ε} ({@code batch × latent}). */
    public double computeGradients(double[] x, int batch, double[] noise) {
        return run(x, batch, noise, true);
    }

    /** The loss for given noise, without gradients (evaluation, gradient checks). */
    public double loss(double[] x, int batch, double[] noise) {
        return run(x, batch, noise, false);
    }

    /** The loss with fresh noise, without gradients. */
    public double loss(double[] x, int batch) {
        drawNoise(batch);
        return run(x, batch, eps, false);
    }

    private void drawNoise(int batch) {
        for (int k = 0; k < batch * latent; k++) {
            eps[k] = noise.nextGaussian();
        }
    }

    private double run(double[] x, int batch, double[] e, boolean backward) {
        int l = latent;
        int l2 = 2 * l;
        double[] enc = encoder.forward(x, 0, batch);
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < l; j++) {
                double mu = enc[b * l2 + j];
                double lv = enc[b * l2 + l + j];
                z[b * l + j] = mu + Sigmoids.exp(0.5 * lv) * e[b * l + j];
            }
        }
        double[] rec = decoder.forward(z, 0, batch);
        int n = batch * inputs;
        double sq = 0.0;
        double scale = 2.0 / n;
        for (int k = 0; k < n; k++) {
            double d = rec[k] - x[k];
            sq += d * d;
            dRec[k] = scale * d;
        }
        double kl = 0.0;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < l; j++) {
                double mu = enc[b * l2 + j];
                double lv = enc[b * l2 + l + j];
                kl += 1.0 + lv - mu * mu - Sigmoids.exp(lv);
            }
        }
        kl *= -0.5 / batch;
        lastReconstruction = sq / n;
        lastKl = kl;
        if (backward) {
            decoder.backward(dRec, 0, batch, true, dz, 0);
            double kb = beta / batch;
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < l; j++) {
                    double mu = enc[b * l2 + j];
                    double lv = enc[b * l2 + l + j];
                    double sigma = Sigmoids.exp(0.5 * lv);
                    double g = dz[b * l + j];
                    dEnc[b * l2 + j] = g + kb * mu;
                    dEnc[b * l2 + l + j] = g * e[b * l + j] * 0.5 * sigma + kb * 0.5 * (sigma * sigma - 1.0);
                }
            }
            encoder.backward(dEnc, 0, batch, true, null, 0);
        }
        return lastReconstruction + beta * kl;
    }

    /** Reconstruction MSE of the last loss computation. */
    public double lastReconstructionLoss() {
        return lastReconstruction;
    }

    /** KL term (before β) of the last loss computation. */
    public double lastKlDivergence() {
        return lastKl;
    }

    /**
     * The code means {@code μ} of {@code batch} samples ({@code batch × latent}); uses the
     * training workspace, so call it outside a forward/backward pair.
     */
    public double[] encode(double[] x, int batch) {
        double[] enc = encoder.forward(x, 0, batch);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(enc, b * 2 * latent, mean, b * latent, latent);
        }
        return mean;
    }

    /** The code mean of one sample through the batch-1 buffers (the first {@code latent} values of the returned buffer). */
    public double[] encode1(double[] x) {
        return encoder.forward1(x, 0);
    }

    /** Decodes {@code batch} codes ({@code batch × latent}) to {@code batch × inputs}. */
    public double[] decode(double[] codes, int batch) {
        return decoder.forward(codes, 0, batch);
    }

    /** Decodes one code through the batch-1 buffers. */
    public double[] decode1(double[] code) {
        return decoder.forward1(code, 0);
    }

    /** Re-seeds the reparameterisation noise. */
    public void seedNoise(long seed) {
        noise.reseed(seed);
    }

    /** Latent dimensions. */
    public int latent() {
        return latent;
    }

    /** Hidden sizes of the encoder. */
    public int[] encoderUnits() {
        return encoderUnits.clone();
    }

    /** Hidden sizes of the decoder. */
    public int[] decoderUnits() {
        return decoderUnits.clone();
    }

    /** Activation of the hidden layers. */
    public Activation hiddenActivation() {
        return hiddenActivation;
    }

    /** Activation of the reconstruction. */
    public Activation outputActivation() {
        return outputActivation;
    }

    /** Weight of the KL term. */
    public double beta() {
        return beta;
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return inputs;
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public String architecture() {
        return architecture;
    }

    /**
     * Builds a {@link Vae}. Defaults: one hidden layer of 64 in encoder and decoder, ReLU hidden
     * layers, linear reconstruction, β = 1, {@code maxBatch} 1.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int inputs;
        private final int latent;
        private int[] encoder = {64};
        private int[] decoder = {64};
        private Activation hidden = Activation.RELU;
        private Activation output = Activation.LINEAR;
        private double beta = 1.0;
        private int maxBatch = 1;

        Builder(int inputs, int latent) {
            if (inputs < 1 || latent < 1) {
                throw new IllegalArgumentException("inputs and latent must be positive: " + inputs + ", " + latent);
            }
            this.inputs = inputs;
            this.latent = latent;
        }

        /** Hidden layer sizes of the encoder, input side first. */
        public Builder encoder(int... units) {
            this.encoder = positive(units);
            return this;
        }

        /** Hidden layer sizes of the decoder, latent side first. */
        public Builder decoder(int... units) {
            this.decoder = positive(units);
            return this;
        }

        /** Activation of every hidden layer. */
        public Builder hiddenActivation(Activation activation) {
            this.hidden = java.util.Objects.requireNonNull(activation, "activation");
            return this;
        }

        /** Activation of the reconstruction (sigmoid for data in [0, 1]). */
        public Builder outputActivation(Activation activation) {
            this.output = java.util.Objects.requireNonNull(activation, "activation");
            return this;
        }

        /** Weight β of the KL term (β-VAE); 0 gives a plain (noisy) autoencoder. */
        public Builder beta(double beta) {
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("beta must be finite and non-negative, got " + beta);
            }
            this.beta = beta;
            return this;
        }

        /** Largest training batch. */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** The VAE with weights (and the noise stream) drawn from {@code seed}. */
        public Vae build(long seed) {
            return new Vae(inputs, latent, encoder, decoder, hidden, output, beta, maxBatch, seed);
        }

        private static int[] positive(int[] units) {
            for (int u : units) {
                if (u < 1) {
                    throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(units));
                }
            }
            return units.clone();
        }
    }
}
