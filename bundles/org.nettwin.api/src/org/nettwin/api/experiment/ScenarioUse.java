package org.nettwin.api.experiment;

import org.nettwin.api.env.Environment;
import org.nettwin.api.env.EpisodeMonitor;
import org.nettwin.api.env.NormalizeObservation;
import org.nettwin.api.env.RewardScale;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.NormalizedPolicy;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.rl.Rollouts;
import org.nettwin.api.run.EpisodeEvent;
import org.nettwin.api.run.TrainingListener;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;
import org.nettwin.api.space.Box;

/**
 * The experiment's scenario with the Gymnasium-style learning wrappers of its section
 * ({@link Sections#SCENARIO}): {@code rewardScale} and {@code normalizeObservations}. Instances
 * for evaluation and data are the scenario as configured; {@link #learning} wraps an instance for
 * a learner — an {@link EpisodeMonitor} reporting episodes in the scenario's own units, then
 * {@link RewardScale}, then {@link NormalizeObservation} — and turns the trained policy back into
 * one that reads raw observations.
 *
 * @since 0.1
 */
public final class ScenarioUse {

    /** The bound of normalised observations (SB3's default). */
    public static final double CLIP = 10;

    private final PluginUse<ScenarioProvider> plugin;
    private final double rewardScale;
    private final boolean normalize;

    private ScenarioUse(PluginUse<ScenarioProvider> plugin, double rewardScale, boolean normalize) {
        this.plugin = plugin;
        this.rewardScale = rewardScale;
        this.normalize = normalize;
    }

    /**
     * The plan's {@code scenario} section.
     *
     * @param learningWrappers whether the kind applies the learning wrappers; if not, setting them is
     *                         reported as a problem (e.g. a kind that records raw data)
     * @return the scenario, or {@code null} after a reported problem
     */
    public static ScenarioUse of(ExperimentPlan plan, boolean learningWrappers) {
        PluginUse<ScenarioProvider> plugin = plan.plugin("scenario", ScenarioProvider.class);
        org.nettwin.api.config.Config settings = plan.settings("scenario");
        if (plugin == null || settings == null) {
            return null;
        }
        double scale = settings.getDouble("rewardScale");
        boolean normalize = settings.getBoolean("normalizeObservations");
        if (!learningWrappers && (scale != 1 || normalize)) {
            plan.problem("scenario." + (scale != 1 ? "rewardScale" : "normalizeObservations"), "is not used by \"" + plan.type()
                    + "\" experiments (they record or learn from the scenario's own rewards and observations)");
            return null;
        }
        return new ScenarioUse(plugin, scale, normalize);
    }

    /** @return the scenario plugin */
    public PluginUse<ScenarioProvider> plugin() {
        return plugin;
    }

    /** @return the scenario's id */
    public String id() {
        return plugin.id();
    }

    /** @return whether a learner sees something else than the scenario itself */
    public boolean wraps() {
        return rewardScale != 1 || normalize;
    }

    /**
     * Checks that the wrappers fit the scenario's spaces (single agent; Box observations to
     * normalise), reporting at {@code scenario.*}.
     *
     * @return whether they fit
     */
    public boolean check(ExperimentPlan plan, org.nettwin.api.rl.EnvironmentSpec spec) {
        if (wraps() && spec.multiAgent()) {
            plan.problem("scenario." + (rewardScale != 1 ? "rewardScale" : "normalizeObservations"),
                    "learning wrappers apply to single-agent scenarios; " + id() + " is multi-agent");
            return false;
        }
        if (normalize && !(spec.observationSpace() instanceof Box)) {
            plan.problem("scenario.normalizeObservations", "needs Box observations; " + id() + " observes "
                    + spec.observationSpace().describe());
            return false;
        }
        return true;
    }

    /** @return an instance as configured: for evaluation, held-out data, datasets */
    public Scenario create(long seed) {
        return plugin.service().create(plugin.config(), seed);
    }

    /**
     * An instance for a learner, wrapped as configured.
     *
     * @param episodes receives the episodes in the scenario's own units (when wrapped; else the
     *                 learner's own episode reports are the same and pass through
     *                 {@link Learning#listener})
     */
    public Learning learning(long seed, TrainingListener episodes) {
        Scenario s = create(seed);
        if (!wraps()) {
            return new Learning(s, null, null, episodes, false);
        }
        Environment<?, ?> env = ((Scenario.Single) s).environment();
        EpisodeMonitor<?, ?> monitor = new EpisodeMonitor<>(env, episodes);
        env = monitor;
        if (rewardScale != 1) {
            env = new RewardScale<>(env, rewardScale);
        }
        NormalizeObservation<?> normalizer = null;
        if (normalize) {
            normalizer = normalize(env);
            env = normalizer;
        }
        return new Learning(new Scenario.Single(env), monitor, normalizer, episodes, true);
    }

    @SuppressWarnings("unchecked")
    private static NormalizeObservation<?> normalize(Environment<?, ?> env) {
        return new NormalizeObservation<>((Environment<double[], Object>) env, CLIP);
    }

    /**
     * A learner's instance of the scenario.
     *
     * @since 0.1
     */
    public static final class Learning implements AutoCloseable {
        private final Scenario scenario;
        private final EpisodeMonitor<?, ?> monitor;
        private final NormalizeObservation<?> normalizer;
        private final TrainingListener episodes;
        private final boolean monitored;

        Learning(Scenario scenario, EpisodeMonitor<?, ?> monitor, NormalizeObservation<?> normalizer, TrainingListener episodes,
                boolean monitored) {
            this.scenario = scenario;
            this.monitor = monitor;
            this.normalizer = normalizer;
            this.episodes = episodes;
            this.monitored = monitored;
        }

        /**
         * Writes what the wrappers count and learn (the monitor's steps and episodes, the normalisation
         * statistics), for a checkpoint of a run that may be resumed.
         */
        public void saveState(java.io.DataOutputStream out) throws java.io.IOException {
            out.writeBoolean(monitor != null);
            if (monitor != null) {
                out.writeLong(monitor.steps());
                out.writeLong(monitor.episodes());
            }
            out.writeBoolean(normalizer != null);
            if (normalizer != null) {
                normalizer.statistics().write(out);
            }
        }

        /** Reads what {@link #saveState} wrote into a learner's instance of the same experiment. */
        public void loadState(java.io.DataInputStream in) throws java.io.IOException {
            if (in.readBoolean() != (monitor != null)) {
                throw new java.io.IOException("the saved run wrapped its scenario otherwise");
            }
            if (monitor != null) {
                monitor.restore(in.readLong(), in.readLong());
            }
            if (in.readBoolean() != (normalizer != null)) {
                throw new java.io.IOException("the saved run normalised its observations otherwise");
            }
            if (normalizer != null) {
                normalizer.statistics().set(org.nettwin.api.env.ObservationStatistics.read(in));
            }
        }

        /** @return the instance to learn on */
        public Scenario scenario() {
            return scenario;
        }

        /**
         * @return the listener to give the learner: its metrics, progress and cancellation pass to
         *         {@code episodes}; its episode reports too unless the monitor reports them in the
         *         scenario's units
         */
        public TrainingListener listener() {
            if (!monitored) {
                return episodes;
            }
            return new TrainingListener() {
                @Override
                public void onEpisode(EpisodeEvent event) {
                    // the monitor reports the episodes, unscaled
                }

                @Override
                public void onMetric(long step, String name, double value) {
                    episodes.onMetric(step, name, value);
                }

                @Override
                public void onProgress(long step, long total) {
                    episodes.onProgress(step, total);
                }

                @Override
                public boolean isCancelled() {
                    return episodes.isCancelled();
                }
            };
        }

        /**
         * @return the trained policy as one that reads the scenario's raw observations (with a frozen
         *         copy of the normalisation statistics, if any): to evaluate, save and deploy
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Policy<?, ?> deployable(Policy<?, ?> trained) {
            if (normalizer == null) {
                return trained;
            }
            return new NormalizedPolicy((Box) normalizer.inner().observationSpace(), (Policy<double[], ?>) trained,
                    normalizer.statistics().copy());
        }

        /**
         * @return the mean return of the trained agent's deployable policies on {@code eval} (an
         *         instance as configured), as {@link Rollouts#meanReturn(Scenario, Algorithm, int, long, int)}
         */
        public double meanReturn(Scenario eval, Algorithm agent, int episodes, long seed, int maxSteps) {
            if (normalizer == null || episodes == 0) {
                return Rollouts.meanReturn(eval, agent, episodes, seed, maxSteps);
            }
            return Rollouts.meanReturn(((Scenario.Single) eval).environment(), deployable(agent.policy()), episodes, seed, maxSteps);
        }

        @Override
        public void close() {
            scenario.close();
        }
    }
}
