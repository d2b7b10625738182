package org.nettwin.env.slicing.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.io.BinaryFormats;
import org.nettwin.api.rl.Algorithm;
import org.nettwin.api.rl.AlgorithmProvider;
import org.nettwin.api.rl.EnvironmentSpec;
import org.nettwin.api.rl.Policy;
import org.nettwin.api.space.Space;

/**
 * What the rule-based slicing baselines share: compatibility with the slicing scenarios only
 * (recognised by their spaces, {@link SlicingLayout}), an algorithm that just acts, and the
 * policy file format of {@link RulePolicy}.
 */
abstract class RuleBaselineProvider implements AlgorithmProvider {

    private final SlicingRule rule;
    private final PluginDescriptor descriptor;

    RuleBaselineProvider(SlicingRule rule, String title, String description) {
        this.rule = rule;
        this.descriptor = new PluginDescriptor(rule.id(), title, description);
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public Optional<String> incompatibility(EnvironmentSpec spec, Config config) {
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
    public Algorithm create(EnvironmentSpec spec, Config config, long seed) {
        incompatibility(spec, config).ifPresent(problem -> {
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
            throw new IOException(incompatibility(spec, configSchema().defaults()).orElse("incompatible spaces"));
        }
        return new RulePolicy(rule, o, a);
    }
}
