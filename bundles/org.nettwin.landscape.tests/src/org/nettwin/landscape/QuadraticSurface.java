package org.nettwin.landscape;

import java.util.List;
import java.util.Map;

import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.LossSurface;

/**
 * A toy surface with a known loss: {@code L(p) = c + ½ Σ h_i (p_i − θ_i)²}, minimal at the trained
 * parameters θ. One filter per weight (so a filter-normalised direction has |d_i| = |θ_i|) and
 * one bias (filter −1).
 */
final class QuadraticSurface implements LossSurface {

    static final double[] THETA = {1, 2, -1, 0.3};
    static final double[] CURVATURE = {2, 1, 4, 100};
    static final int[] FILTERS = {0, 1, 2, -1};
    static final double OFFSET = 0.5;

    int calls;

    static TransitionDataset data() {
        TransitionDataset d = new TransitionDataset(1, 1, Map.of());
        d.add(0, new double[] {0}, new double[] {0}, 0, new double[] {0}, false, false);
        return d;
    }

    @Override
    public List<String> networks() {
        return List.of("toy");
    }

    @Override
    public double[] parameters(String network) {
        return THETA.clone();
    }

    @Override
    public int[] filters(String network) {
        return FILTERS.clone();
    }

    @Override
    public double loss(String network, double[] parameters, TransitionDataset data) {
        calls++;
        double l = OFFSET;
        for (int i = 0; i < THETA.length; i++) {
            double e = parameters[i] - THETA[i];
            l += 0.5 * CURVATURE[i] * e * e;
        }
        return l;
    }
}
