package org.nettwin.lab.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.nettwin.api.NetTwinException;
import org.nettwin.api.NetTwinPlugin;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.experiment.ExperimentKind;
import org.nettwin.api.experiment.ExperimentPlan;
import org.nettwin.api.experiment.PluginUse;
import org.nettwin.api.experiment.Section;
import org.nettwin.api.experiment.Study;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginEntry;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;

/**
 * An experiment file made ready to run: its kind and every plugin leased, every section checked
 * against its schema, the kind's own checks done and its {@link Study} prepared. Problems are
 * gathered, each located in the file, and refused together; nothing is created on disk. Closing
 * releases every lease.
 */
final class ExperimentResolution implements ExperimentPlan, AutoCloseable {

    private final Experiment experiment;
    private final PluginCatalog catalog;
    private final Path folder;
    private final List<String> problems = new ArrayList<>();
    private final List<PluginLease<?>> leases = new ArrayList<>();
    private final Map<String, Section> declared = new LinkedHashMap<>();
    private final Map<String, PluginUse<?>> plugins = new LinkedHashMap<>();
    private final Map<String, Config> settings = new LinkedHashMap<>();
    /** Plugins leased by id from inside sections, by field path (for experiment.json). */
    private final Map<String, PluginUse<?>> named = new LinkedHashMap<>();
    private PluginLease<ExperimentKind> kind;
    private Study study;

    private ExperimentResolution(Experiment experiment, PluginCatalog catalog) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.folder = experiment.file().toAbsolutePath().getParent();
    }

    /**
     * @throws ExperimentException listing every problem (all leases are then released)
     */
    static ExperimentResolution resolve(Experiment experiment, PluginCatalog catalog) {
        ExperimentResolution r = new ExperimentResolution(experiment, catalog);
        try {
            r.resolve();
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        if (!r.problems.isEmpty()) {
            r.close();
            throw new ExperimentException(r.problems);
        }
        return r;
    }

    private void resolve() {
        try {
            kind = catalog.lease(PluginKind.EXPERIMENT, experiment.type(), ExperimentKind.class);
        } catch (NetTwinException e) {
            problem("type", e.getMessage());
            return;
        }
        leases.add(kind);
        for (Section s : kind.service().sections()) {
            declared.put(s.name(), s);
        }
        for (String key : experiment.sections().keySet()) {
            if (!declared.containsKey(key)) {
                TreeSet<String> known = new TreeSet<>(ExperimentReader.COMMON);
                known.addAll(declared.keySet());
                problem(key, "unknown field for \"" + experiment.type() + "\" experiments; known fields: " + String.join(", ", known));
            }
        }
        for (Section s : declared.values()) {
            Object raw = experiment.sections().get(s.name());
            if (raw == null) {
                if (s.required()) {
                    problem(s.name(), "is required for \"" + experiment.type() + "\" experiments: " + s.description());
                }
                continue;
            }
            if (!(raw instanceof Map<?, ?> m)) {
                problem(s.name(), "must be an object, got " + ExperimentReader.render(raw));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) m;
            switch (s) {
                case Section.Plugin p -> resolvePlugin(p, object);
                case Section.Settings st -> {
                    Config c = validate(st.schema(), object, st.name());
                    if (c != null) {
                        settings.put(st.name(), c);
                    }
                }
            }
        }
        if (problems.isEmpty()) {
            try {
                study = kind.service().prepare(this);
            } catch (ConfigException e) {
                // a configuration only the kind could check (e.g. a scenario refusing a combination)
                for (ConfigException.Problem p : e.problems()) {
                    problem(p.path(), p.message());
                }
            }
            if (problems.isEmpty() && study == null) {
                problem("type", experiment.type() + " refused the experiment without saying why (a bug in "
                        + kind.entry().bundle() + ")");
            }
        }
    }

    private void resolvePlugin(Section.Plugin section, Map<String, Object> object) {
        String path = section.name();
        Object id = object.get("id");
        if (!(id instanceof String name) || name.isBlank()) {
            problem(path + ".id", id == null ? "is required: {\"id\": \"...\", \"config\": {...}}"
                    : "must be non-empty text, got " + ExperimentReader.render(id));
            return;
        }
        Object config = object.get("config");
        if (config != null && !(config instanceof Map)) {
            problem(path + ".config", "must be an object, got " + ExperimentReader.render(config));
            return;
        }
        Path policy = null;
        Object policyName = object.get("policy");
        if (policyName != null) {
            if (!section.savedPolicy()) {
                problem(path + ".policy", "is not used by \"" + experiment.type() + "\" experiments");
            } else if (!(policyName instanceof String p) || p.isBlank()) {
                problem(path + ".policy", "must be the name of a saved policy file, got " + ExperimentReader.render(policyName));
            } else {
                policy = folder.resolve(p).normalize();
                if (!Files.isRegularFile(policy)) {
                    problem(path + ".policy", "no such policy file: " + policy);
                }
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>(object);
        extra.keySet().removeAll(List.of("id", "config", "policy"));
        for (String key : extra.keySet()) {
            if (!section.settings().parameters().containsKey(key)) {
                TreeSet<String> known = new TreeSet<>(List.of("id", "config"));
                if (section.savedPolicy()) {
                    known.add("policy");
                }
                known.addAll(section.settings().parameters().keySet());
                problem(path + "." + key, "unknown field; known fields: " + String.join(", ", known));
            }
        }
        extra.keySet().retainAll(section.settings().parameters().keySet());
        Config sectionSettings = validate(section.settings(), extra, path);
        if (sectionSettings != null) {
            settings.put(path, sectionSettings);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = config == null ? Map.of() : (Map<String, Object>) config;
        PluginUse<?> use = use(section.service(), name, raw, path + ".id", path + ".config");
        if (use != null) {
            plugins.put(path, new PluginUse<>(use.id(), use.service(), use.config(), policy, use.bundle(), use.version()));
        }
    }

    /** Leases plugin {@code id} of {@code service} and validates its configuration. */
    private <T extends NetTwinPlugin> PluginUse<T> use(Class<T> service, String id, Map<String, Object> raw, String idPath, String configPath) {
        PluginKind pluginKind = PluginKind.ofInterface(service.getName());
        if (pluginKind == null) {
            problem(idPath, "the experiment kind asks for a plugin of an unknown extension point " + service.getName());
            return null;
        }
        PluginLease<T> lease;
        try {
            lease = catalog.lease(pluginKind, id, service);
        } catch (NetTwinException e) {
            problem(idPath, e.getMessage());
            return null;
        }
        leases.add(lease);
        Config config = validate(lease.service().configSchema(), raw, configPath);
        if (config == null) {
            return null;
        }
        PluginEntry entry = lease.entry();
        return new PluginUse<>(id, lease.service(), config, null, entry.bundle(), entry.version());
    }

    @Override
    public Path file() {
        return experiment.file();
    }

    @Override
    public String name() {
        return experiment.name();
    }

    @Override
    public String description() {
        return experiment.description();
    }

    @Override
    public String type() {
        return experiment.type();
    }

    @Override
    public List<Long> seeds() {
        return experiment.seeds();
    }

    @Override
    public boolean has(String section) {
        return experiment.sections().containsKey(section);
    }

    @Override
    public <T extends NetTwinPlugin> PluginUse<T> plugin(String section, Class<T> service) {
        Section s = declared.get(section);
        if (!(s instanceof Section.Plugin p) || !service.isAssignableFrom(p.service())) {
            throw new IllegalArgumentException("the experiment kind declares no plugin section '" + section + "' of " + service.getName());
        }
        @SuppressWarnings("unchecked")
        PluginUse<T> use = (PluginUse<T>) plugins.get(section);
        return use;
    }

    @Override
    public Config settings(String section) {
        if (!declared.containsKey(section)) {
            throw new IllegalArgumentException("the experiment kind declares no section '" + section + "'");
        }
        return settings.get(section);
    }

    @Override
    public <T extends NetTwinPlugin> PluginUse<T> lease(Class<T> service, String id, String path) {
        PluginUse<T> use = use(service, id, Map.of(), path, path);
        if (use != null) {
            named.put(path, use);
        }
        return use;
    }

    @Override
    public Config validate(ConfigSchema schema, Map<String, ?> raw, String path) {
        try {
            return schema.validate(raw, path, folder);
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) {
                problem(p.path(), p.message());
            }
            return null;
        }
    }

    @Override
    public void problem(String path, String message) {
        problems.add(experiment.locate(path) + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    @Override
    public String locate(String path) {
        return experiment.locate(path);
    }

    @Override
    public boolean valid() {
        return problems.isEmpty();
    }

    Experiment experiment() {
        return experiment;
    }

    Study study() {
        return study;
    }

    PluginLease<ExperimentKind> kind() {
        return kind;
    }

    Map<String, Section> declared() {
        return declared;
    }

    Map<String, PluginUse<?>> plugins() {
        return plugins;
    }

    Map<String, Config> allSettings() {
        return settings;
    }

    Map<String, PluginUse<?>> named() {
        return named;
    }

    @Override
    public void close() {
        for (PluginLease<?> lease : leases) {
            lease.close();
        }
        leases.clear();
    }
}
