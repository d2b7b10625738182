package __PACKAGE__;

import java.util.List;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.Checks;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.ScenarioUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Sections;
import org.nettwin.api.experiment.Study;
import org.nettwin.api.rl.EnvironmentSpec;
import org.osgi.service.component.annotations.Component;

/**
 * The experiment kind {@code "type": "__ID__"}: uniformly random actions play episodes of a
 * single-agent scenario, per seed; the report gives the mean return and length — a scenario's
 * baseline before any learning. The shape of every kind: sections declared once, checks in
 * {@link #prepare} reported at their path, a study of independent seeded units, a report.
 */
@Component(service = ExperimentKind.class, property = "nettwin.id=" + __CLASS__Kind.ID)
public final class __CLASS__Kind implements ExperimentKind {

    /** The plugin id: the "type" of experiment files. */
    public static final String ID = "__ID__";

    /** A bound on the steps of one seed, checked in prepare (the schema bounds each field alone). */
    static final long MAX_STEPS_PER_SEED = 1_000_000_000L;

    static final Section.Settings ROLLOUTS = new Section.Settings("rollouts", ConfigSchema.of(__CLASS__Config.class), false,
            "{\"episodes\": 20}: how many episodes per seed, how long at most");

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "__TITLE__", "Random actions play episodes of a scenario; the mean return and length per seed.");
    }

    @Override
    public List<Section> sections() {
        return List.of(Sections.SCENARIO, ROLLOUTS);
    }

    @Override
    public Study prepare(ExperimentPlan plan) {
        ScenarioUse scenario = ScenarioUse.of(plan, false);
        __CLASS__Config settings = (plan.has("rollouts") ? plan.settings("rollouts") : ROLLOUTS.schema().defaults())
                .as(__CLASS__Config.class);
        if (scenario == null) {
            return null;
        }
        EnvironmentSpec spec = Checks.spec(plan, scenario.plugin(), "scenario");
        if (spec == null) {
            return null;
        }
        if (spec.multiAgent()) {
            plan.problem("scenario.id", ID + " takes single-agent scenarios; " + scenario.id() + " is multi-agent");
            return null;
        }
        if ((long) settings.episodes() * settings.maxEpisodeSteps() > MAX_STEPS_PER_SEED) {
            plan.problem("rollouts.episodes", settings.episodes() + " episodes of up to " + settings.maxEpisodeSteps()
                    + " steps exceed " + MAX_STEPS_PER_SEED + " steps per seed");
            return null;
        }
        return new __CLASS__Study(plan.seeds(), scenario, settings);
    }
}
