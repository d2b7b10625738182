package org.nettwin.env.slicing.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.NoConfig;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.BaseAlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;

/**
 * What the rule-based slicing baselines share: compatibility with the slicing scenarios only
 * (recognised by their spaces, {@link SlicingLayout}), an algorithm that just acts, and the
 * policy file format of {@link RulePolicy}. The rules have no parameters.
 */
abstract class RuleBaselineProvider extends BaseAlgorithmProvider<NoConfig> {

    private final SlicingRule rule;

    RuleBaselineProvider(SlicingRule rule, String title, String description) {
        super(new PluginDescriptor(rule.id(), title, description), NoConfig.class);
        this.rule = rule;
    }

    @Override
    protected Optional<String> refusal(EnvironmentSpec spec, NoConfig config) {
        return spaceProblem(spec);
    }

    private Optional<String> spaceProblem(EnvironmentSpec spec) {
        for (int i = 0; i < spec.agents().size(); i++) {
            Space<?> o = spec.observationSpaces().get(i);
            Space<?> a = spec.actionSpaces().get(i);
            if (SlicingLayout.slices(o, a) < 0) {
                return Optional.of(rule.id() + " only acts in the slicing scenarios (" + SingleCellProvider.ID + ", "
                        + MultiCellProvider.ID + "): it reads the per-slice demand from an observation Box of 5 x N per-slice "
                        + "values and answers with Simplex(N) shares or a bandwidth-split index; agent '" + spec.agents().get(i)
                        + "' has " + o.describe() + " -> " + a.describe());
            }
        }
        return Optional.empty();
    }

    @Override
    protected Algorithm build(EnvironmentSpec spec, NoConfig config, long seed) {
        spaceProblem(spec).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new RuleAlgorithm(rule, spec, seed);
    }

    @Override
    public Policy<?, ?> loadPolicy(EnvironmentSpec spec, InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        String id;
        String obs;
        String act;
        try {
            BinaryFormats.SLICING_RULE_POLICY.readHead(d);
            id = d.readUTF();
            obs = d.readUTF();
            act = d.readUTF();
        } catch (EOFException e) {
            throw new IOException(rule.id() + " policy file is truncated", e);
        }
        Space<?> o = spec.observationSpace();
        Space<?> a = spec.actionSpace();
        if (!id.equals(rule.id())) {
            throw new IOException("policy file is of " + id + ", not " + rule.id());
        }
        if (!obs.equals(o.describe()) || !act.equals(a.describe())) {
            throw new IOException("policy was saved for " + obs + " -> " + act + ", not " + o.describe() + " -> " + a.describe());
        }
        if (SlicingLayout.slices(o, a) < 0) {
            throw new IOException(spaceProblem(spec).orElse("incompatible spaces"));
        }
        return new RulePolicy(rule, o, a);
    }
}
