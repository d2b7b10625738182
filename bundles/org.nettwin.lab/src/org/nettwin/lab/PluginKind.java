package org.nettwin.lab;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.similarity.SimilarityMetric;
import org.nettwin.api.transfer.TransferStrategy;
import org.nettwin.api.twin.TwinBuilder;

/**
 * The kinds of plugin the catalog knows, with the key used in {@code nettwin list --json}.
 *
 * @since 0.1
 */
public enum PluginKind {
    /** {@link ScenarioProvider}s. */
    SCENARIO("scenarios", ScenarioProvider.class),
    /** {@link AlgorithmProvider}s. */
    ALGORITHM("algorithms", AlgorithmProvider.class),
    /** {@link TwinBuilder}s. */
    TWIN("twins", TwinBuilder.class),
    /** {@link SimilarityMetric}s. */
    METRIC("metrics", SimilarityMetric.class),
    /** {@link Distiller}s. */
    DISTILLER("distillers", Distiller.class),
    /** {@link TransferStrategy}s. */
    TRANSFER("transfers", TransferStrategy.class),
    /** {@link ExperimentKind}s: the {@code type} of experiment files. */
    EXPERIMENT("experiments", ExperimentKind.class);

    private final String key;
    private final Class<? extends NetTwinPlugin> type;

    PluginKind(String key, Class<? extends NetTwinPlugin> type) {
        this.key = key;
        this.type = type;
    }

    /** @return the plural key, e.g. {@code scenarios} */
    public String key() {
        return key;
    }

    /** @return the service interface */
    public Class<? extends NetTwinPlugin> type() {
        return type;
    }

    /** @return the kind of a service interface name, or {@code null} */
    public static PluginKind ofInterface(String name) {
        for (PluginKind k : values()) {
            if (k.type.getName().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
