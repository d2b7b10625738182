package org.nettwin.env.slicing.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Space;

/**
 * A rule-based slicing policy: the {@link SlicingRule}'s target shares, returned as a
 * {@code Simplex} value, or for the discrete single-cell action as the enumerated split closest
 * to them (least absolute difference of shares; ties to the lower index).
 */
final class RulePolicy extends BasePolicy<double[], Object> {

    private final SlicingRule rule;
    private final int slices;
    private final int[][] splits;
    private final int units;

    @SuppressWarnings("unchecked")
    RulePolicy(SlicingRule rule, Space<?> observations, Space<?> actions) {
        super(demandBox(rule, observations, actions), (Space<Object>) actions);
        this.rule = rule;
        this.slices = SlicingLayout.slices(observations, actions);
        if (actions instanceof Discrete d) {
            this.units = SlicingLayout.discreteUnits(d.n());
            this.splits = Splits.enumerate(units, slices, 1);
        } else {
            this.units = 0;
            this.splits = null;
        }
    }

    /** @return the observation space, a Box of a slicing scenario (checked before anything else) */
    private static Box demandBox(SlicingRule rule, Space<?> observations, Space<?> actions) {
        if (SlicingLayout.slices(observations, actions) < 0) {
            throw new IllegalArgumentException(rule.id() + " cannot act in " + observations.describe() + " -> " + actions.describe());
        }
        return (Box) observations;
    }

    @Override
    public Object act(double[] observation) {
        double[] shares = new double[slices];
        rule.shares(observation, shares);
        if (splits == null) {
            return shares;
        }
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < splits.length; i++) {
            double d = 0;
            for (int s = 0; s < slices; s++) {
                d += Math.abs((double) splits[i][s] / units - shares[s]);
            }
            if (d < bestDistance - 1e-12) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    /**
     * Format ({@link BinaryFormats#SLICING_RULE_POLICY}): int magic "NTRB", int version 1, UTF rule
     * id, UTF observation space, UTF action space.
     */
    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        BinaryFormats.SLICING_RULE_POLICY.writeHead(d);
        d.writeUTF(rule.id());
        d.writeUTF(observationSpace().describe());
        d.writeUTF(actionSpace().describe());
        d.flush();
    }
}
