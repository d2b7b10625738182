package __PACKAGE__;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.nettwin.api.rl.BasePolicy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.space.Space;

/** Acts greedily on the action values (the lowest action among equals; actions count from the space's start); a live view of the learner's values. */
final class __CLASS__Policy extends BasePolicy<Object, Integer> {

    final double[] values;
    final int start;

    @SuppressWarnings({"rawtypes", "unchecked"})
    __CLASS__Policy(Space<?> observations, Discrete actions, double[] values) {
        super((Space) observations, actions);
        this.values = values;
        this.start = actions.start();
    }

    static __CLASS__Policy read(Space<?> observations, Discrete actions, DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != actions.n()) {
            throw new IOException(__CLASS__Provider.FORMAT.name() + " holds " + n + " action values, the action space has " + actions.n());
        }
        double[] values = new double[n];
        for (int a = 0; a < n; a++) {
            values[a] = in.readDouble();
        }
        return new __CLASS__Policy(observations, actions, values);
    }

    @Override
    public Integer act(Object observation) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return start + best;
    }

    @Override
    public long parameterCount() {
        return values.length;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        PolicyHeader.write(d, __CLASS__Provider.FORMAT, observationSpace(), actionSpace());
        d.writeInt(values.length);
        for (double v : values) {
            d.writeDouble(v);
        }
        d.flush();
    }
}
