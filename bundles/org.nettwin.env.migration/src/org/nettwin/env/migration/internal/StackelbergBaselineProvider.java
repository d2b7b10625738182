package org.nettwin.env.migration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.NoConfig;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Box;
import org.nettwin.api.space.Space;
import org.osgi.service.component.annotations.Component;

/**
 * {@code baseline/stackelberg-equilibrium}: every RSU of {@code migration/UavTwinMigration-v1}
 * posts its analytic/numerical Stackelberg equilibrium price. The reference point learners are
 * measured against; it refuses every other scenario.
 */
@Component(service = AlgorithmProvider.class, property = "nettwin.id=" + StackelbergBaselineProvider.ID)
public final class StackelbergBaselineProvider extends BaseAlgorithmProvider<NoConfig> {

    /** The algorithm id. */
    public static final String ID = "baseline/stackelberg-equilibrium";

    private static final Box PRICE = new Box(1, 0.0, 1.0);

    /** Creates the service. */
    public StackelbergBaselineProvider() {
        super(new PluginDescriptor(ID, "Stackelberg equilibrium pricing (UAV-twin migration baseline)",
                "Each RSU posts its Stackelberg equilibrium price of " + MigrationProvider.ID
                        + ", computed by best-response iteration on the leaders' exact profits given the UAVs' exact best responses."),
                NoConfig.class);
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, NoConfig config) {
        String expected = "it plays only " + MigrationProvider.ID + " (parallel agents rsu0, rsu1, ... with Box(0.0, 1.0, (1,)) prices)";
        if (!spec.multiAgent()) {
            return Optional.of(expected + "; got a single-agent environment");
        }
        int n = spec.agents().size();
        for (int i = 0; i < n; i++) {
            if (!spec.agents().get(i).equals("rsu" + i)) {
                return Optional.of(expected + "; got agents " + spec.agents());
            }
            if (!PRICE.equals(spec.actionSpaces().get(i))) {
                return Optional.of(expected + "; agent " + spec.agents().get(i) + " acts in " + spec.actionSpaces().get(i).describe());
            }
            Space<?> o = spec.observationSpaces().get(i);
            if (!(o instanceof Box b) || b.dimension() % (n + 1) != 0) {
                return Optional.of(expected + "; agent " + spec.agents().get(i) + " observes " + o.describe());
            }
        }
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, NoConfig config, long seed) {
        refusal(spec, config).ifPresent(reason -> {
            throw new IllegalArgumentException(ID + " cannot run this scenario: " + reason);
        });
        return EquilibriumAlgorithm.create(spec, seed);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        return EquilibriumPricePolicy.load((Space<double[]>) spec.observationSpace(), (Space<double[]>) spec.actionSpace(), in);
    }
}
