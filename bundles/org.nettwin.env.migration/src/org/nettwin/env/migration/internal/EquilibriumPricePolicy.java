package org.nettwin.env.migration.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Space;

/**
 * One RSU's equilibrium pricing: whatever it observes, it posts its Stackelberg equilibrium price
 * (normalised to [0, 1] as the scenario's action space expects). The price is known once the
 * owning {@link EquilibriumAlgorithm} has seen the scenario instance, because the equilibrium
 * depends on the UAVs drawn at its creation.
 *
 * <p>Saved format (big-endian, {@link DataOutputStream}, {@link BinaryFormats#STACKELBERG_POLICY}):
 * int magic {@code "NTSE"}, int version 1, UTF observation space, UTF action space, int agent
 * index, double normalised price.
 */
final class EquilibriumPricePolicy extends BasePolicy<double[], double[]> {

    private final int agent;
    private final double[] action = {Double.NaN};

    EquilibriumPricePolicy(Space<double[]> observations, Space<double[]> actions, int agent) {
        super(observations, actions);
        this.agent = agent;
    }

    /** Sets the equilibrium price, normalised to [0, 1]. */
    void price(double normalised) {
        action[0] = Math.min(1.0, Math.max(0.0, normalised));
    }

    /** @return the live action array (the learning loop hands it to the environment without copying) */
    double[] action() {
        return action;
    }

    @Override
    public double[] act(double[] observation) {
        if (Double.isNaN(action[0])) {
            throw new IllegalStateException("the equilibrium price of rsu" + agent + " is not known yet: call learn(scenario, ...) on "
                    + MigrationProvider.ID + " first (the equilibrium depends on the scenario instance)");
        }
        return action.clone();
    }

    @Override
    public long parameterCount() {
        return 0;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, BinaryFormats.STACKELBERG_POLICY, observationSpace(), actionSpace());
        d.writeInt(agent);
        d.writeDouble(action[0]);
        d.flush();
    }

    /** Reads a policy written by {@link #save}, checking it was saved for these spaces. */
    static EquilibriumPricePolicy load(Space<double[]> observations, Space<double[]> actions, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        EquilibriumPricePolicy p;
        double price;
        try {
            PolicyHeader.read(d, BinaryFormats.STACKELBERG_POLICY).check(observations, actions);
            p = new EquilibriumPricePolicy(observations, actions, d.readInt());
            price = d.readDouble();
        } catch (EOFException e) {
            throw new IOException(BinaryFormats.STACKELBERG_POLICY.name() + " file is truncated", e);
        }
        if (!Double.isNaN(price)) {
            p.price(price);
        }
        return p;
    }
}
