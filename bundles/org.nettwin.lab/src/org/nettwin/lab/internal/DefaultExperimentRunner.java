package org.nettwin.lab.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nettwin.api.io.AtomicFolder;
import org.nettwin.api.NetTwinException;
import org.nettwin.api.Seeds;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.data.TransitionBinary;
import org.nettwin.api.data.TransitionCsv;
import org.nettwin.api.data.TransitionDataset;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.distill.Distiller;
import org.nettwin.api.twin.TwinBuilder;
import org.nettwin.lab.Experiment;
import org.nettwin.lab.ExperimentException;
import org.nettwin.lab.ExperimentRunner;
import org.nettwin.lab.PluginCatalog;
import org.nettwin.lab.PluginKind;
import org.nettwin.lab.PluginLease;
import org.nettwin.lab.RunOptions;
import org.nettwin.lab.RunResult;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs experiments. "train": for every seed, create the scenario, create the algorithm, let it
 * learn for the budget, evaluate its deterministic policy on a fresh instance. "collect": let a
 * behaviour policy (an algorithm's fresh policy or a saved one) act and record its transitions as
 * datasets. Both write {@code experiment.json} (resolved configuration, seeds, bundle versions),
 * {@code metrics.csv}, {@code summary.json} and {@code reward.svg} into a folder published
 * atomically.
 */
@Component(service = ExperimentRunner.class)
public final class DefaultExperimentRunner implements ExperimentRunner {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final PluginCatalog catalog;
    private final BundleContext context;

    /** DS constructor injection. */
    @Activate
    public DefaultExperimentRunner(BundleContext context, @Reference PluginCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public Experiment load(Path file) throws IOException {
        return ExperimentReader.read(file);
    }

    @Override
    public void validate(Experiment experiment) {
        resolve(experiment).close();
    }

    /** The plugins of an experiment, in use, with validated configurations. */
    private static final class Resolved implements AutoCloseable {
        PluginLease<ScenarioProvider> scenario;
        PluginLease<AlgorithmProvider> algorithm;
        PluginLease<TwinBuilder> twin;
        PluginLease<AlgorithmProvider> behaviour;
        PluginLease<Distiller> distiller;
        Map<String, Config> variants;
        Config distillerConfig;
        Config scenarioConfig;
        Config algorithmConfig;
        Config twinConfig;
        Config behaviourConfig;

        @Override
        public void close() {
            for (PluginLease<?> lease : java.util.Arrays.asList(scenario, algorithm, twin, behaviour, distiller)) {
                if (lease != null) {
                    lease.close();
                }
            }
        }

        TwinLoopRun.Plugins plugins() {
            return new TwinLoopRun.Plugins(scenario.service(), scenarioConfig, algorithm.service(), algorithmConfig, behaviour.service(),
                    behaviourConfig, twin.service(), twinConfig);
        }
    }

    private Resolved resolve(Experiment e) {
        List<String> problems = new ArrayList<>();
        Resolved r = new Resolved();
        try {
            r.scenario = lease(PluginKind.SCENARIO, e.scenario().id(), e.locate("scenario.id") + ": scenario.id: ", ScenarioProvider.class,
                    problems);
            r.algorithm = lease(PluginKind.ALGORITHM, e.algorithm().id(), e.locate("algorithm.id") + ": algorithm.id: ", AlgorithmProvider.class,
                    problems);
            if (e.type() == Experiment.Type.OFFLINE) {
                r.behaviour = lease(PluginKind.ALGORITHM, e.offline().behaviour(), e.locate("offline.behaviour") + ": offline.behaviour: ",
                        AlgorithmProvider.class, problems);
                if (r.behaviour != null) {
                    r.behaviourConfig = config(e, r.behaviour.service().configSchema(), Map.of(), "offline.behaviour", problems);
                }
                if (r.algorithm != null) {
                    r.variants = new LinkedHashMap<>();
                    for (Map.Entry<String, Map<String, Object>> v : e.offline().variants().entrySet()) {
                        Map<String, Object> merged = new LinkedHashMap<>(e.algorithm().config());
                        merged.putAll(v.getValue());
                        r.variants.put(v.getKey(), config(e, r.algorithm.service().configSchema(), merged, "offline.variants." + v.getKey(),
                                problems));
                    }
                }
            }
            if (e.type() == Experiment.Type.DISTILL) {
                r.distiller = lease(PluginKind.DISTILLER, e.distill().distiller().id(), e.locate("distill.id") + ": distill.id: ",
                        Distiller.class, problems);
                if (r.distiller != null) {
                    r.distillerConfig = config(e, r.distiller.service().configSchema(), e.distill().distiller().config(), "distill.config",
                            problems);
                }
            }
            if (e.type() == Experiment.Type.TWIN_LOOP) {
                r.twin = lease(PluginKind.TWIN, e.twin().id(), e.locate("twin.id") + ": twin.id: ", TwinBuilder.class, problems);
                r.behaviour = lease(PluginKind.ALGORITHM, e.loop().behaviour(), e.locate("loop.behaviour") + ": loop.behaviour: ",
                        AlgorithmProvider.class, problems);
                if (r.twin != null) {
                    r.twinConfig = config(e, r.twin.service().configSchema(), e.twin().config(), "twin.config", problems);
                }
                if (r.behaviour != null) {
                    r.behaviourConfig = config(e, r.behaviour.service().configSchema(), Map.of(), "loop.behaviour", problems);
                }
            }
            if (r.scenario != null) {
                r.scenarioConfig = config(e, r.scenario.service().configSchema(), e.scenario().config(), "scenario.config", problems);
            }
            if (r.algorithm != null) {
                r.algorithmConfig = config(e, r.algorithm.service().configSchema(), e.algorithm().config(), "algorithm.config", problems);
            }
            if (problems.isEmpty()) {
                try (Scenario probe = r.scenario.service().create(r.scenarioConfig, Seeds.derive(e.seeds().get(0), "scenario"))) {
                    EnvironmentSpec spec = EnvironmentSpec.of(probe);
                    r.algorithm.service().incompatibility(spec).ifPresent(reason -> problems.add(
                            e.locate("algorithm.id") + ": algorithm.id: " + e.algorithm().id() + " cannot run "
                                    + e.scenario().id() + ": " + reason));
                    if (e.algorithm().policy() != null) {
                        checkSavedPolicy(e, r, spec, problems);
                    }
                    if (e.type() == Experiment.Type.TWIN_LOOP && problems.isEmpty()) {
                        checkTwinLoop(e, r, spec, problems);
                    }
                    if (e.type() == Experiment.Type.OFFLINE && problems.isEmpty()) {
                        checkOffline(e, r, spec, problems);
                    }
                    if (e.type() == Experiment.Type.DISTILL && spec.multiAgent()) {
                        problems.add(e.locate("scenario.id") + ": scenario.id: distill experiments need a single-agent scenario");
                    }
                } catch (ConfigException ce) {
                    located(e, "scenario.config", ce, problems);
                }
            }
        } catch (RuntimeException ex) {
            r.close();
            throw ex;
        }
        if (!problems.isEmpty()) {
            r.close();
            throw new ExperimentException(problems);
        }
        return r;
    }

    /** Offline RL needs a single agent, an algorithm that learns from data, and a behaviour (or dataset) for its spaces. */
    private static void checkOffline(Experiment e, Resolved r, EnvironmentSpec spec, List<String> problems) {
        if (spec.multiAgent()) {
            problems.add(e.locate("scenario.id") + ": scenario.id: offline experiments need a single-agent scenario");
            return;
        }
        if (e.offline().dataset() == null) {
            r.behaviour.service().incompatibility(spec).ifPresent(reason -> problems.add(e.locate("offline.behaviour")
                    + ": offline.behaviour: " + e.offline().behaviour() + " cannot act in " + e.scenario().id() + ": " + reason));
        }
        Config first = r.variants.values().iterator().next();
        if (r.algorithm.service().create(spec, first, 0).capability(org.nettwin.api.rl.OfflineLearner.class).isEmpty()) {
            problems.add(e.locate("algorithm.id") + ": algorithm.id: " + e.algorithm().id() + " cannot learn from a dataset alone "
                    + "(it is not an OfflineLearner)");
        }
    }

    /** A twin loop needs a single agent the twin can model and an algorithm that can hand its policy over. */
    private static void checkTwinLoop(Experiment e, Resolved r, EnvironmentSpec spec, List<String> problems) {
        if (spec.multiAgent()) {
            problems.add(e.locate("scenario.id") + ": scenario.id: twin-loop experiments need a single-agent scenario; "
                    + e.scenario().id() + " is multi-agent (choose a single-agent view in its config)");
            return;
        }
        r.twin.service().incompatibility(spec).ifPresent(reason -> problems.add(
                e.locate("twin.id") + ": twin.id: " + e.twin().id() + " cannot model " + e.scenario().id() + ": " + reason));
        r.behaviour.service().incompatibility(spec).ifPresent(reason -> problems.add(
                e.locate("loop.behaviour") + ": loop.behaviour: " + e.loop().behaviour() + " cannot act in " + e.scenario().id() + ": " + reason));
        Algorithm probe = r.algorithm.service().create(spec, r.algorithmConfig, 0);
        if (probe.capability(org.nettwin.api.rl.Checkpointable.class).isEmpty()) {
            problems.add(e.locate("algorithm.id") + ": algorithm.id: " + e.algorithm().id()
                    + " cannot hand its policy from agent 2 to agent 1 (it is not Checkpointable)");
        }
        if (e.landscape() != null) {
            java.util.Optional<org.nettwin.api.rl.LossSurface> surface = probe.capability(org.nettwin.api.rl.LossSurface.class);
            if (surface.isEmpty()) {
                problems.add(e.locate("landscape") + ": landscape: " + e.algorithm().id() + " offers no loss surface");
            } else if (!surface.get().networks().contains(e.landscape().network())) {
                problems.add(e.locate("landscape.network") + ": landscape.network: " + e.algorithm().id() + " has no network '"
                        + e.landscape().network() + "'; it has " + surface.get().networks());
            }
        }
    }

    private static void checkSavedPolicy(Experiment e, Resolved r, EnvironmentSpec spec, List<String> problems) {
        String where = e.locate("algorithm.policy") + ": algorithm.policy: ";
        if (spec.multiAgent()) {
            problems.add(where + "saved policies are supported for single-agent scenarios only");
            return;
        }
        try {
            loadPolicy(e, r, spec);
        } catch (IOException | RuntimeException ex) {
            problems.add(where + "cannot load " + e.algorithm().policy() + " with " + e.algorithm().id() + ": " + ex.getMessage());
        }
    }

    private static Policy<?, ?> loadPolicy(Experiment e, Resolved r, EnvironmentSpec spec) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(e.algorithm().policy()))) {
            return r.algorithm.service().loadPolicy(spec, in);
        }
    }

    private <T extends org.nettwin.api.NetTwinPlugin> PluginLease<T> lease(PluginKind kind, String id, String where, Class<T> type,
            List<String> problems) {
        if (id == null) {
            return null; // reported by the reader
        }
        try {
            return catalog.lease(kind, id, type);
        } catch (NetTwinException ex) {
            problems.add(where + ex.getMessage());
            return null;
        }
    }

    private static Config config(Experiment e, org.nettwin.api.config.ConfigSchema schema, Map<String, Object> raw, String path,
            List<String> problems) {
        try {
            return schema.validate(raw, path);
        } catch (ConfigException ce) {
            located(e, path, ce, problems);
            return null;
        }
    }

    private static void located(Experiment e, String prefix, ConfigException ce, List<String> problems) {
        for (ConfigException.Problem p : ce.problems()) {
            String path = p.path().startsWith(prefix) ? p.path() : prefix + "." + p.path();
            problems.add(e.locate(path) + ": " + path + ": " + p.message());
        }
    }

    @Override
    public RunResult run(Experiment e, RunOptions options) throws IOException {
        try (Resolved r = resolve(e); AtomicFolder folder = new AtomicFolder(options.output())) {
            Thread cleanup = new Thread(() -> {
                try {
                    folder.close();
                } catch (IOException ignored) {
                    // best effort on interrupt: the hidden staging folder may remain
                }
            }, "nettwin-run-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                RunResult result = execute(e, r, folder, options);
                folder.commit();
                return new RunResult(options.output().toAbsolutePath().normalize(), result.seeds());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or will run; nothing to undo
                }
            }
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private RunResult execute(Experiment e, Resolved r, AtomicFolder folder, RunOptions options) throws IOException {
        if (e.type() == Experiment.Type.OFFLINE || e.type() == Experiment.Type.DISTILL) {
            long start = System.nanoTime();
            List<RunResult.SeedResult> seeds;
            if (e.type() == Experiment.Type.OFFLINE) {
                OfflineRun.Plugins plugins = new OfflineRun.Plugins(r.scenario.service(), r.scenarioConfig, r.algorithm.service(), r.variants,
                        r.behaviour.service(), r.behaviourConfig);
                List<OfflineRun.Result> results = new ArrayList<>();
                for (long seed : e.seeds()) {
                    progress(options, e, seed);
                    results.add(OfflineRun.run(plugins, e, seed));
                }
                seeds = StudyReports.offline(e, results, folder.staging(), (System.nanoTime() - start) / 1e9);
            } else {
                DistillRun.Plugins plugins = new DistillRun.Plugins(r.scenario.service(), r.scenarioConfig, r.algorithm.service(),
                        r.algorithmConfig, r.distiller.service(), r.distillerConfig);
                List<DistillRun.Result> results = new ArrayList<>();
                for (long seed : e.seeds()) {
                    progress(options, e, seed);
                    results.add(DistillRun.run(plugins, e, seed, folder.staging()));
                }
                seeds = StudyReports.distill(e, results, folder.staging(), (System.nanoTime() - start) / 1e9);
            }
            writeJson(folder.staging().resolve("experiment.json"), resolvedExperiment(e, r));
            return new RunResult(folder.staging(), seeds);
        }
        if (e.type() == Experiment.Type.TWIN_LOOP) {
            List<RunResult.SeedResult> seeds = new TwinLoopExecution(e, r.plugins(), options.progress()).run(folder.staging());
            writeJson(folder.staging().resolve("experiment.json"), resolvedExperiment(e, r));
            return new RunResult(folder.staging(), seeds);
        }
        Path dir = folder.staging();
        long wallStart = System.nanoTime();
        List<RunResult.SeedResult> results = new ArrayList<>();
        ProgressReporter progress = new ProgressReporter(options.progress(), stepsPerSeed(e) * e.seeds().size(), System::nanoTime);
        try (MetricsCsv metrics = new MetricsCsv(dir.resolve("metrics.csv"))) {
            for (int i = 0; i < e.seeds().size(); i++) {
                long seed = e.seeds().get(i);
                String label = "[seed " + seed + " (" + (i + 1) + "/" + e.seeds().size() + ")]";
                results.add(e.type() == Experiment.Type.COLLECT ? collectSeed(e, r, seed, label, metrics, progress, dir)
                        : runSeed(e, r, seed, label, metrics, progress));
            }
            writeJson(dir.resolve("experiment.json"), resolvedExperiment(e, r));
            writeJson(dir.resolve("summary.json"), summary(e, r, results, (System.nanoTime() - wallStart) / 1e9));
            Files.writeString(dir.resolve("reward.svg"), rewardPlot(e, metrics), StandardCharsets.UTF_8);
        }
        return new RunResult(dir, results);
    }

    private static void progress(RunOptions options, Experiment e, long seed) {
        if (options.progress() != null) {
            options.progress().println("[seed " + seed + "] " + e.type().fileName() + " ...");
            options.progress().flush();
        }
    }

    private static long stepsPerSeed(Experiment e) {
        return e.type() == Experiment.Type.COLLECT ? e.collection().steps() : e.budget().steps();
    }

    /** Records episodes and metrics of one seed into metrics.csv and reports progress. */
    private static TrainingListener listener(long seed, String label, long budget, MetricsCsv metrics, ProgressReporter progress,
            long[] episodes) {
        return new TrainingListener() {
            @Override
            public void onEpisode(EpisodeEvent event) {
                episodes[0]++;
                metrics.episode(seed, event.step(), event.episodeReturn(), event.length());
            }

            @Override
            public void onMetric(long step, String name, double value) {
                metrics.row(seed, step, name, value);
            }

            @Override
            public void onProgress(long step, long total) {
                progress.update(label, step, budget, false);
            }
        };
    }

    private RunResult.SeedResult runSeed(Experiment e, Resolved r, long seed, String label, MetricsCsv metrics, ProgressReporter progress) {
        long start = System.nanoTime();
        long scenarioSeed = Seeds.derive(seed, "scenario");
        ScenarioProvider scenarios = r.scenario.service();
        try (Scenario train = scenarios.create(r.scenarioConfig, scenarioSeed);
                Scenario eval = scenarios.create(r.scenarioConfig, scenarioSeed)) {
            Algorithm algorithm = r.algorithm.service().create(EnvironmentSpec.of(train), r.algorithmConfig, Seeds.derive(seed, "algorithm"));
            long[] episodes = {0};
            long budget = e.budget().steps();
            long steps = algorithm.learn(train, budget, listener(seed, label, budget, metrics, progress, episodes));
            progress.update(label, steps, budget, true);
            progress.seedFinished(steps);
            double evalReturn = evaluate(eval, algorithm, e.budget(), Seeds.derive(seed, "evaluation"));
            if (e.budget().evalEpisodes() > 0) {
                metrics.row(seed, steps, "eval_return", evalReturn);
            }
            double finalTrain = tailMean(metrics.episodes(seed));
            return new RunResult.SeedResult(seed, steps, episodes[0], finalTrain, evalReturn, (System.nanoTime() - start) / 1e9);
        }
    }

    private RunResult.SeedResult collectSeed(Experiment e, Resolved r, long seed, String label, MetricsCsv metrics, ProgressReporter progress,
            Path dir) {
        long start = System.nanoTime();
        try (Scenario scenario = r.scenario.service().create(r.scenarioConfig, Seeds.derive(seed, "scenario"))) {
            EnvironmentSpec spec = EnvironmentSpec.of(scenario);
            List<Policy<?, ?>> behaviour = new ArrayList<>();
            if (e.algorithm().policy() != null) {
                behaviour.add(loadPolicy(e, r, spec));
            } else {
                Algorithm algorithm = r.algorithm.service().create(spec, r.algorithmConfig, Seeds.derive(seed, "algorithm"));
                for (int i = 0; i < spec.agents().size(); i++) {
                    behaviour.add(algorithm.policy(i));
                }
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("scenario", e.scenario().id());
            meta.put("behaviour", e.algorithm().id() + (e.algorithm().policy() == null ? "" : " (" + e.algorithm().policy().getFileName() + ")"));
            meta.put("stochastic", Boolean.toString(e.collection().stochastic()));
            meta.put("seed", Long.toString(seed));
            long[] episodes = {0};
            long budget = e.collection().steps();
            List<TransitionDataset> data = TransitionRecorder.record(scenario, behaviour, budget, e.collection().stochastic(),
                    Seeds.generator(Seeds.derive(seed, "behaviour")), Seeds.derive(seed, "episodes"), meta,
                    listener(seed, label, budget, metrics, progress, episodes));
            progress.update(label, budget, budget, true);
            progress.seedFinished(budget);
            for (int i = 0; i < data.size(); i++) {
                String base = "dataset-" + seed + (spec.multiAgent() ? "-" + spec.agents().get(i) : "");
                writeDataset(dir, base, data.get(i), e.collection().format());
            }
            return new RunResult.SeedResult(seed, data.get(0).size(), episodes[0], tailMean(metrics.episodes(seed)), Double.NaN,
                    (System.nanoTime() - start) / 1e9);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void writeDataset(Path dir, String base, TransitionDataset data, Experiment.Format format) throws IOException {
        if (format != Experiment.Format.CSV) {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(base + ".ntds")))) {
                TransitionBinary.write(data, out);
            }
        }
        if (format != Experiment.Format.BINARY) {
            try (java.io.Writer out = Files.newBufferedWriter(dir.resolve(base + ".csv"), StandardCharsets.UTF_8)) {
                TransitionCsv.write(data, out);
            }
        }
    }

    private static double evaluate(Scenario scenario, Algorithm algorithm, Experiment.Budget budget, long seed) {
        if (budget.evalEpisodes() == 0) {
            return Double.NaN;
        }
        return switch (scenario) {
            case Scenario.Single s -> Rollouts.meanReturn(s.environment(), algorithm.policy(), budget.evalEpisodes(), seed,
                    budget.maxEpisodeSteps());
            case Scenario.Multi m -> {
                List<Policy<?, ?>> policies = new ArrayList<>();
                for (int a = 0; a < m.environment().possibleAgents().size(); a++) {
                    policies.add(algorithm.policy(a));
                }
                yield Rollouts.meanReturn(m.environment(), policies, budget.evalEpisodes(), seed, budget.maxEpisodeSteps());
            }
        };
    }

    /** Mean return of the last 10% of episodes (at least one). */
    static double tailMean(List<double[]> episodes) {
        if (episodes.isEmpty()) {
            return Double.NaN;
        }
        int n = Math.max(1, episodes.size() / 10);
        double s = 0;
        for (int i = episodes.size() - n; i < episodes.size(); i++) {
            s += episodes.get(i)[1];
        }
        return s / n;
    }

    private Map<String, Object> resolvedExperiment(Experiment e, Resolved r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("description", e.description());
        m.put("source", e.file().toAbsolutePath().normalize().toString());
        m.put("scenario", plugin(r.scenario, r.scenarioConfig));
        Map<String, Object> algorithm = plugin(r.algorithm, r.algorithmConfig);
        if (e.algorithm().policy() != null) {
            algorithm.put("policy", e.algorithm().policy().toString());
        }
        m.put("algorithm", algorithm);
        m.put("type", e.type().fileName());
        if (e.type() == Experiment.Type.TWIN_LOOP) {
            m.put("twin", plugin(r.twin, r.twinConfig));
            Map<String, Object> loop = new LinkedHashMap<>();
            loop.put("behaviour", e.loop().behaviour());
            loop.put("historySteps", e.loop().historySteps());
            loop.put("realSteps", e.loop().realSteps());
            loop.put("twinSteps", e.loop().twinSteps());
            loop.put("initialTwinSteps", e.loop().initialTwinSteps());
            loop.put("heldOutSteps", e.loop().heldOutSteps());
            loop.put("horizon", e.loop().horizon());
            loop.put("vanilla", e.loop().vanilla());
            loop.put("targetFraction", e.loop().targetFraction());
            m.put("loop", loop);
            if (e.landscape() != null) {
                m.put("landscape", e.landscape());
            }
        }
        if (e.type() == Experiment.Type.OFFLINE) {
            m.put("offline", e.offline());
            m.put("variants", r.variants.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    v -> v.getValue().asMap(), (a, b) -> a, LinkedHashMap::new)));
        }
        if (e.type() == Experiment.Type.DISTILL) {
            m.put("distiller", plugin(r.distiller, r.distillerConfig));
            m.put("distill", Map.of("datasetSteps", e.distill().datasetSteps(), "heldOutSteps", e.distill().heldOutSteps(), "timingCalls",
                    e.distill().timingCalls()));
        }
        if (e.type() == Experiment.Type.COLLECT) {
            Map<String, Object> collect = new LinkedHashMap<>();
            collect.put("steps", e.collection().steps());
            collect.put("format", e.collection().format().name().toLowerCase(java.util.Locale.ROOT));
            collect.put("stochastic", e.collection().stochastic());
            m.put("collect", collect);
        } else {
            Map<String, Object> budget = new LinkedHashMap<>();
            budget.put("steps", e.budget().steps());
            budget.put("evalEpisodes", e.budget().evalEpisodes());
            budget.put("maxEpisodeSteps", e.budget().maxEpisodeSteps());
            budget.put("evalEvery", e.budget().evalEvery());
            m.put("budget", budget);
        }
        m.put("seeds", e.seeds());
        m.put("seedDerivation", "scenario: Seeds.derive(seed, \"scenario\"), algorithm: Seeds.derive(seed, \"algorithm\"), "
                + "evaluation episode i: Seeds.derive(Seeds.derive(seed, \"evaluation\"), i)"
                + (e.type() == Experiment.Type.TWIN_LOOP ? "; twin loop: agents Seeds.derive(seed, \"agent1\"|\"agent2\"), twin "
                        + "Seeds.derive(seed, \"twin\"), behaviour Seeds.derive(seed, \"behaviour\"), history and held-out resets "
                        + "Seeds.derive(seed, \"history\"|\"held-out\"), landscape directions Seeds.derive(seed, \"landscape\")" : ""));
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("java", System.getProperty("java.version"));
        runtime.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Map<String, String> bundles = new LinkedHashMap<>();
        for (Class<?> c : List.of(ScenarioProvider.class, DefaultExperimentRunner.class)) {
            Bundle b = FrameworkUtil.getBundle(c);
            if (b != null) {
                bundles.put(b.getSymbolicName(), b.getVersion().toString());
            }
        }
        bundles.put(r.scenario.entry().bundle(), r.scenario.entry().version());
        bundles.put(r.algorithm.entry().bundle(), r.algorithm.entry().version());
        for (PluginLease<?> lease : java.util.Arrays.asList(r.twin, r.behaviour, r.distiller)) {
            if (lease != null) {
                bundles.put(lease.entry().bundle(), lease.entry().version());
            }
        }
        runtime.put("bundles", bundles);
        runtime.put("framework", context.getBundle(0).getSymbolicName() + " " + context.getBundle(0).getVersion());
        m.put("runtime", runtime);
        return m;
    }

    private static Map<String, Object> plugin(PluginLease<?> lease, Config config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", lease.entry().id());
        m.put("bundle", lease.entry().bundle());
        m.put("version", lease.entry().version());
        m.put("config", config.asMap());
        return m;
    }

    private static Map<String, Object> summary(Experiment e, Resolved r, List<RunResult.SeedResult> results, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", e.name());
        m.put("type", e.type().name().toLowerCase(java.util.Locale.ROOT));
        m.put("scenario", e.scenario().id());
        m.put("algorithm", e.algorithm().id());
        List<Map<String, Object>> perSeed = new ArrayList<>();
        double[] evals = new double[results.size()];
        double[] finals = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            RunResult.SeedResult s = results.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", s.seed());
            row.put(e.type() == Experiment.Type.COLLECT ? "transitions" : "steps", s.steps());
            row.put("episodes", s.episodes());
            row.put("final_train_return", finite(s.finalTrainReturn()));
            row.put("eval_return", finite(s.evalReturn()));
            row.put("wall_seconds", s.wallSeconds());
            perSeed.add(row);
            evals[i] = s.evalReturn();
            finals[i] = s.finalTrainReturn();
        }
        m.put("per_seed", perSeed);
        m.put("eval_return_mean", finite(mean(evals)));
        m.put("eval_return_std", finite(std(evals)));
        m.put("final_train_return_mean", finite(mean(finals)));
        m.put("wall_seconds", wall);
        return m;
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static String rewardPlot(Experiment e, MetricsCsv metrics) {
        SvgPlot plot = new SvgPlot(e.name() + ": " + e.algorithm().id() + " on " + e.scenario().id(), "environment steps", "episode return");
        for (long seed : e.seeds()) {
            List<double[]> eps = metrics.episodes(seed);
            double[] x = new double[eps.size()];
            double[] y = new double[eps.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = eps.get(i)[0];
                y[i] = eps.get(i)[1];
            }
            plot.line("seed " + seed + " (raw)", x, y, true);
            plot.line("seed " + seed + " (moving mean)", x, movingMean(y, Math.max(1, y.length / 20)), false);
        }
        return plot.render();
    }

    static double[] movingMean(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            if (i >= window) {
                sum -= y[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    private static void writeJson(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }
}
