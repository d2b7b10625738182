package __PACKAGE__;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.scenario.BaseScenarioProvider;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.osgi.service.component.annotations.Component;

/** The scenario plugin __ID__: one Declarative Services component, registered under its id. */
@Component(service = ScenarioProvider.class, property = "nettwin.id=" + __CLASS__Provider.ID)
public final class __CLASS__Provider extends BaseScenarioProvider<__CLASS__Config> {

    /** The plugin id; a changed dynamics is a new version (-v2). */
    public static final String ID = "__ID__";

    public __CLASS__Provider() {
        // episodes are truncated after 100 steps unless the experiment sets "timeLimit"
        super(new PluginDescriptor(ID, "__TITLE__", "Track a drifting target on a line: move left, stay or move right."),
                __CLASS__Config.class, 100);
    }

    @Override
    protected Scenario build(__CLASS__Config config, long seed) {
        return new Scenario.Single(new __CLASS__Environment(config));
    }
}
