package org.nettwin.api.experiment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.nettwin.api.Seeds;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.io.BinaryFormat;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.NormalizedPolicy;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.scenario.Scenario;
import org.nettwin.api.scenario.ScenarioProvider;

/**
 * The checks most experiment kinds make in {@link ExperimentKind#prepare}, each reporting a
 * located problem instead of throwing.
 *
 * @since 0.1
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Creates the scenario once (with the first seed, as a run would) to learn its spaces; a
     * configuration the scenario refuses as a whole is reported at {@code SECTION.config}.
     *
     * @return the spaces, or {@code null} after reporting the problem
     */
    public static EnvironmentSpec spec(ExperimentPlan plan, PluginUse<ScenarioProvider> scenario, String section) {
        try (Scenario probe = scenario.service().create(scenario.config(), Seeds.derive(plan.seeds().get(0), "scenario"))) {
            return EnvironmentSpec.of(probe);
        } catch (ConfigException e) {
            for (ConfigException.Problem p : e.problems()) {
                String path = p.path().startsWith(section + ".config") ? p.path() : section + ".config." + p.path();
                plan.problem(path, p.message());
            }
            return null;
        }
    }

    /**
     * Reports (at {@code SECTION.id}) an algorithm that cannot act in the scenario, with its reason.
     *
     * @return whether it fits
     */
    public static boolean fits(ExperimentPlan plan, PluginUse<AlgorithmProvider> algorithm, String section, EnvironmentSpec spec,
            String scenarioId) {
        var reason = algorithm.service().incompatibility(spec, algorithm.config());
        reason.ifPresent(r -> plan.problem(section + ".id", algorithm.id() + " cannot run " + scenarioId + ": " + r));
        return reason.isEmpty();
    }

    /**
     * Loads the saved policy of an algorithm section (its {@code policy}) for a single-agent
     * scenario: the algorithm's own format, or an observation-normalising policy wrapping one.
     *
     * @throws IOException if the file cannot be read or is not a policy of that algorithm for these spaces
     */
    public static Policy<?, ?> loadPolicy(PluginUse<AlgorithmProvider> algorithm, EnvironmentSpec spec) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(algorithm.policy()))) {
            in.mark(BinaryFormat.MAGIC_LENGTH);
            byte[] head = in.readNBytes(BinaryFormat.MAGIC_LENGTH);
            in.reset();
            if (BinaryFormats.NORMALIZED_POLICY.matches(head)) {
                return NormalizedPolicy.load(spec, in, algorithm.service());
            }
            return algorithm.service().loadPolicy(spec, in);
        }
    }

    /**
     * Checks that the saved policy of an algorithm section, if any, loads for the scenario: saved
     * policies serve single-agent scenarios only.
     *
     * @return whether it loads (true without a saved policy)
     */
    public static boolean savedPolicyLoads(ExperimentPlan plan, PluginUse<AlgorithmProvider> algorithm, String section, EnvironmentSpec spec) {
        if (algorithm.policy() == null) {
            return true;
        }
        if (spec.multiAgent()) {
            plan.problem(section + ".policy", "saved policies are supported for single-agent scenarios only");
            return false;
        }
        try {
            loadPolicy(algorithm, spec);
            return true;
        } catch (IOException | RuntimeException e) {
            plan.problem(section + ".policy", "cannot load " + algorithm.policy() + " with " + algorithm.id() + ": " + e.getMessage());
            return false;
        }
    }
}
