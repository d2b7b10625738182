package __PACKAGE__;

import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Discrete;
import org.nettwin.api.twin.BaseTwinBuilder;
import org.nettwin.api.twin.DigitalTwin;
import org.nettwin.api.twin.TwinBuilder;
import org.osgi.service.component.annotations.Component;

/** The twin-builder plugin __ID__: one Declarative Services component, registered under its id. */
@Component(service = TwinBuilder.class, property = "nettwin.id=" + __CLASS__Builder.ID)
public final class __CLASS__Builder extends BaseTwinBuilder<__CLASS__Config> {

    /** The plugin id. */
    public static final String ID = "__ID__";

    public __CLASS__Builder() {
        super(new PluginDescriptor(ID, "__TITLE__",
                "A mean-drift twin: per action, the mean change of each observation number and the mean reward, learned from data."),
                __CLASS__Config.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, __CLASS__Config config) {
        if (spec.multiAgent()) {
            return Optional.of(ID + " models one agent's environment; the scenario has " + spec.agents().size());
        }
        if (!(spec.observationSpace() instanceof Box)) {
            return Optional.of(ID + " needs Box observations, not " + spec.observationSpace().describe());
        }
        if (!(spec.actionSpace() instanceof Discrete)) {
            return Optional.of(ID + " needs a discrete action space, not " + spec.actionSpace().describe());
        }
        return Optional.empty();
    }

    @Override
    protected DigitalTwin<?, ?> build(EnvironmentSpec spec, TransitionDataset data, __CLASS__Config config, long seed,
            TrainingListener listener) {
        __CLASS__Twin twin = new __CLASS__Twin((Box) spec.observationSpace(), (Discrete) spec.actionSpace(), spec.observationFeatures(),
                config.episodeLength());
        twin.calibrate(data, listener);
        return twin;
    }
}
