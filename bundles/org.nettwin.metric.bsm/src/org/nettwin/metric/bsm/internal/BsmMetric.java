package org.nettwin.metric.bsm.internal;

import java.util.Objects;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;

/**
 * What the three DT-BSM services share: a descriptor, a configuration record from which the
 * schema comes once, and {@code measure} on that record.
 *
 * @param <T> the subjects compared
 * @param <C> the configuration record
 */
abstract class BsmMetric<T, C extends Record> implements SimilarityMetric<T> {

    private final PluginDescriptor descriptor;
    private final Class<T> subjectType;
    private final Class<C> configType;
    private final ConfigSchema schema;

    BsmMetric(PluginDescriptor descriptor, Class<T> subjectType, Class<C> configType) {
        this.descriptor = Objects.requireNonNull(descriptor);
        this.subjectType = subjectType;
        this.configType = configType;
        this.schema = ConfigSchema.of(configType);
    }

    @Override
    public final PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final ConfigSchema configSchema() {
        return schema;
    }

    @Override
    public final Class<T> subjectType() {
        return subjectType;
    }

    /** Compares {@code real} (first) with {@code twin} (second). */
    @Override
    public final Similarity measure(T real, T twin, Config config, long seed) {
        return measure(Objects.requireNonNull(real, "real"), Objects.requireNonNull(twin, "twin"), config.as(configType));
    }

    /** @return the distance of {@code twin} from {@code real} */
    abstract Similarity measure(T real, T twin, C config);
}
