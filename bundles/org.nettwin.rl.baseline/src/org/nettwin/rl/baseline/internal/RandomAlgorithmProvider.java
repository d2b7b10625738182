package org.nettwin.rl.baseline.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;
import org.osgi.service.component.annotations.Component;

/** {@code rl/random}: the uniformly random policy, for any spaces, single or multi-agent. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=rl/random")
public final class RandomAlgorithmProvider implements AlgorithmProvider {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("rl/random", "Uniform random policy",
            "Acts uniformly at random in each agent's action space (Dirichlet(1) on simplices). The baseline every learner must beat.");

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec) {
        return Optional.empty();
    }

    @Override
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        return new RandomAlgorithm(spec, seed);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != RandomPolicy.MAGIC) {
            throw new IOException("not a rl/random policy file (bad magic)");
        }
        int version = d.readInt();
        if (version != RandomPolicy.VERSION) {
            throw new IOException("rl/random policy format version " + version + " is not supported (this build reads " + RandomPolicy.VERSION + ")");
        }
        String obs = d.readUTF();
        String act = d.readUTF();
        Space<?> o = spec.observationSpace();
        Space<?> a = spec.actionSpace();
        if (!obs.equals(o.describe()) || !act.equals(a.describe())) {
            throw new IOException("policy was saved for " + obs + " -> " + act + ", not " + o.describe() + " -> " + a.describe());
        }
        return new RandomPolicy(o, a, d.readLong());
    }
}
