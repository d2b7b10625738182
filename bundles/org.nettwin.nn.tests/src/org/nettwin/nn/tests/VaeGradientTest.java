package org.nettwin.nn.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nettwin.nn.Activation;
import org.nettwin.nn.Vae;

/** Numerical gradient checks of the VAE loss (reconstruction MSE + β·KL) with fixed noise. */
class VaeGradientTest {

    private static void check(Vae vae, int batch, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = GradChecks.random(rnd, batch * vae.inputSize(), 1.0);
        double[] noise = GradChecks.random(rnd, batch * vae.latent(), 1.5);
        double[] p = vae.parameters();
        for (int k = 0; k < p.length; k++) {
            p[k] += 0.05 * (2 * rnd.nextDouble() - 1);
        }
        vae.zeroGradients();
        double loss = vae.computeGradients(x, batch, noise);
        assertEquals(loss, vae.loss(x, batch, noise), 0.0, "the loss does not depend on whether gradients are computed");
        assertEquals(loss, vae.lastReconstructionLoss() + vae.beta() * vae.lastKlDivergence(), 1e-12);
        double[] analytic = vae.gradients().clone();
        GradChecks.check(vae.architecture() + " parameters", p, analytic, () -> vae.loss(x, batch, noise));
    }

    @Test
    void reluHiddenLinearOutput() {
        check(Vae.builder(7, 3).encoder(10, 6).decoder(6, 10).beta(0.7).maxBatch(5).build(1), 5, 1);
    }

    @Test
    void tanhHiddenSigmoidOutput() {
        check(Vae.builder(5, 2).encoder(8).decoder(8).hiddenActivation(Activation.TANH)
                .outputActivation(Activation.SIGMOID).beta(2.0).maxBatch(4).build(2), 4, 2);
    }

    @Test
    void klTermAlone() {
        // β only: reconstruction still contributes, so compare against a VAE with β = 0 to isolate the KL gradient
        Vae a = Vae.builder(4, 2).encoder(6).decoder(6).beta(0.0).maxBatch(3).build(3);
        Vae b = Vae.builder(4, 2).encoder(6).decoder(6).beta(1.0).maxBatch(3).build(3);
        double[] x = GradChecks.random(new SplittableRandom(4), 12, 1.0);
        double[] noise = GradChecks.random(new SplittableRandom(5), 6, 1.0);
        double la = a.loss(x, 3, noise);
        double lb = b.loss(x, 3, noise);
        assertEquals(lb - la, b.lastKlDivergence(), 1e-12);
        check(b, 3, 6);
    }
}
