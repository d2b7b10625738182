package __PACKAGE__;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.PolicyHeader;
import org.nettwin.api.space.Discrete;
import org.osgi.service.component.annotations.Component;

/** The algorithm plugin __ID__: one Declarative Services component, registered under its id. */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=" + __CLASS__Provider.ID)
public final class __CLASS__Provider extends BaseAlgorithmProvider<__CLASS__Config> {

    /** The plugin id. */
    public static final String ID = "__ID__";

    /** Its policy files: a magic of its own (NT… is NetTwin's), a version to refuse old files by. */
    static final BinaryFormat FORMAT = BinaryFormat.declare("__MAGIC__", 1, ID + " policy", ".policy");

    public __CLASS__Provider() {
        super(new PluginDescriptor(ID, "__TITLE__",
                "Epsilon-greedy action values over a discrete action space (a multi-armed bandit learner; it ignores the observation)."),
                __CLASS__Config.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, __CLASS__Config config) {
        if (spec.multiAgent()) {
            return Optional.of(ID + " learns for one agent; the scenario has " + spec.agents().size());
        }
        if (!(spec.actionSpace() instanceof Discrete)) {
            return Optional.of(ID + " needs a discrete action space, not " + spec.actionSpace().describe());
        }
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, __CLASS__Config config, long seed) {
        return new __CLASS__Algorithm(spec, config, seed);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        PolicyHeader.read(d, FORMAT).check(spec.observationSpace(), spec.actionSpace());
        return __CLASS__Policy.read(spec.observationSpace(), (Discrete) spec.actionSpace(), d);
    }
}
