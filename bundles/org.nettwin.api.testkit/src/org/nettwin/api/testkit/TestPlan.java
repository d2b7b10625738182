package org.nettwin.api.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Section;

/**
 * An {@link ExperimentPlan} written in code, for testing an {@link ExperimentKind} without the
 * runtime: the sections an experiment file would hold, with plugin instances instead of ids. It
 * validates them as the runtime does — unknown and missing sections, a plugin of the wrong kind,
 * every configuration against its schema — and records every problem with its path:
 *
 * <pre>{@code
 * TestPlan plan = TestPlan.of(new EvaluateKind())
 *         .plugin("scenario", new ChannelAccessProvider(), Map.of("channels", 3))
 *         .plugin("algorithm", new RandomActionsAlgorithm(), Map.of())
 *         .settings("evaluate", Map.of("episodes", 20))
 *         .seeds(1, 2)
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class TestPlan implements ExperimentPlan {

    private final ExperimentKind kind;
    private final Path file;
    private final List<Long> seeds;
    private final Map<String, PluginUse<?>> plugins = new LinkedHashMap<>();
    private final Map<String, Config> settings = new LinkedHashMap<>();
    private final Map<String, NetTwinPlugin> available;
    private final List<String> problems = new ArrayList<>();

    private TestPlan(Builder b) {
        this.kind = b.kind;
        this.file = b.file;
        this.seeds = List.copyOf(b.seeds);
        this.available = b.available;
        Map<String, Section> declared = new LinkedHashMap<>();
        for (Section s : kind.sections()) {
            declared.put(s.name(), s);
        }
        for (String given : b.sections.keySet()) {
            if (!declared.containsKey(given)) {
                problem(given, "unknown section; " + kind.descriptor().id() + " reads " + String.join(", ", declared.keySet()));
            }
        }
        for (Section s : declared.values()) {
            Object given = b.sections.get(s.name());
            if (given == null) {
                if (s.required()) {
                    problem(s.name(), "is required: " + s.description());
                }
                continue;
            }
            switch (s) {
                case Section.Plugin p -> resolve(p, (Given) given);
                case Section.Settings st -> {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> raw = (Map<String, ?>) given;
                    Config c = validate(st.schema(), raw, st.name());
                    if (c != null) {
                        settings.put(st.name(), c);
                    }
                }
            }
        }
    }

    private void resolve(Section.Plugin section, Given given) {
        String path = section.name();
        if (!section.service().isInstance(given.plugin())) {
            problem(path + ".id", "needs a " + section.service().getSimpleName() + ", got " + given.plugin().getClass().getName());
            return;
        }
        Config sectionSettings = validate(section.settings(), given.settings(), path);
        Config config = validate(given.plugin().configSchema(), given.config(), path + ".config");
        if (sectionSettings != null) {
            settings.put(path, sectionSettings);
        }
        if (config != null) {
            plugins.put(path, new PluginUse<>(given.plugin().descriptor().id(), given.plugin(), config, null, "test", "0.0.0"));
        }
    }

    /** @param kind the kind under test */
    public static Builder of(ExperimentKind kind) {
        return new Builder(kind);
    }

    /** @return every problem recorded, as {@code path: message} */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "test-plan";
    }

    @Override
    public String description() {
        return "an experiment written in a test";
    }

    @Override
    public String type() {
        return kind.descriptor().id();
    }

    @Override
    public List<Long> seeds() {
        return seeds;
    }

    @Override
    public boolean has(String section) {
        return plugins.containsKey(section) || settings.containsKey(section);
    }

    @Override
    public <T extends NetTwinPlugin> PluginUse<T> plugin(String section, Class<T> service) {
        PluginUse<?> use = plugins.get(section);
        if (use != null && !service.isInstance(use.service())) {
            throw new IllegalArgumentException("section '" + section + "' holds a " + use.service().getClass().getName() + ", not a "
                    + service.getName());
        }
        @SuppressWarnings("unchecked")
        PluginUse<T> typed = (PluginUse<T>) use;
        return typed;
    }

    @Override
    public Config settings(String section) {
        return settings.get(section);
    }

    @Override
    public <T extends NetTwinPlugin> PluginUse<T> lease(Class<T> service, String id, String path) {
        NetTwinPlugin p = available.get(id);
        if (p == null || !service.isInstance(p)) {
            problem(path, "unknown " + service.getSimpleName() + " id '" + id + "'; the test plan offers " + available.keySet());
            return null;
        }
        Config config = validate(p.configSchema(), Map.of(), path);
        return config == null ? null : new PluginUse<>(id, service.cast(p), config, null, "test", "0.0.0");
    }

    @Override
    public Config validate(ConfigSchema schema, Map<String, ?> raw, String path) {
        try {
            return schema.validate(raw, path, file.toAbsolutePath().getParent());
        } catch (ConfigException e) {
            e.problems().forEach(p -> problem(p.path(), p.message()));
            return null;
        }
    }

    @Override
    public void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    @Override
    public String locate(String path) {
        return file + " (" + path + ")";
    }

    @Override
    public boolean valid() {
        return problems.isEmpty();
    }

    private record Given(NetTwinPlugin plugin, Map<String, ?> config, Map<String, ?> settings) {
    }

    /** Collects the sections of a test plan. */
    public static final class Builder {

        private final ExperimentKind kind;
        private final Map<String, Object> sections = new LinkedHashMap<>();
        private final Map<String, NetTwinPlugin> available = new LinkedHashMap<>();
        private List<Long> seeds = List.of(1L);
        private Path file = Path.of("test-plan.json");

        Builder(ExperimentKind kind) {
            this.kind = kind;
        }

        /** A plugin section: the plugin and its {@code config}. */
        public Builder plugin(String section, NetTwinPlugin plugin, Map<String, ?> config) {
            return plugin(section, plugin, config, Map.of());
        }

        /** A plugin section with the section's own settings (e.g. the scenario's {@code rewardScale}). */
        public Builder plugin(String section, NetTwinPlugin plugin, Map<String, ?> config, Map<String, ?> sectionSettings) {
            sections.put(section, new Given(plugin, config, sectionSettings));
            return available(plugin);
        }

        /** A settings section, as the object an experiment file holds. */
        public Builder settings(String section, Map<String, ?> values) {
            sections.put(section, values);
            return this;
        }

        /** Plugins the kind may {@link ExperimentPlan#lease} by id. */
        public Builder available(NetTwinPlugin... plugins) {
            for (NetTwinPlugin p : plugins) {
                available.put(p.descriptor().id(), p);
            }
            return this;
        }

        /** The seeds (default: 1). */
        public Builder seeds(long... values) {
            seeds = java.util.Arrays.stream(values).boxed().toList();
            return this;
        }

        /** The experiment file the plan stands for; file parameters are relative to its folder. */
        public Builder file(Path experimentFile) {
            file = experimentFile;
            return this;
        }

        /** @return the validated plan; its {@link TestPlan#problems()} say what is wrong */
        public TestPlan build() {
            return new TestPlan(this);
        }
    }
}
