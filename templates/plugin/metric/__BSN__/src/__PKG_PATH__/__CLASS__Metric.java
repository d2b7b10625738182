package __PACKAGE__;

import java.util.Map;

import org.nettwin.api.PluginDescriptor;
import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.api.env.MdpTables;
import org.nettwin.api.similarity.Similarity;
import org.nettwin.api.similarity.SimilarityMetric;
import org.osgi.service.component.annotations.Component;

/**
 * The metric plugin __ID__: a one-step model distance between two MDPs on the same states and
 * actions, d = max over (s, a) of |R1(s,a) − R2(s,a)| + γ/(1−γ) · span(R) · TV(P1(·|s,a), P2(·|s,a)),
 * with TV the total-variation distance of the next-state distributions and span(R) the range of
 * rewards of both — the quantity the simulation lemma bounds value differences with. Exact and
 * deterministic: the seed is not used.
 */
@Component(service = SimilarityMetric.class, property = "nettwin.id=" + __CLASS__Metric.ID)
public final class __CLASS__Metric implements SimilarityMetric<MdpTables> {

    /** The plugin id. */
    public static final String ID = "__ID__";

    private static final ConfigSchema SCHEMA = ConfigSchema.of(__CLASS__Config.class);

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "__TITLE__", "One-step model distance of two MDPs: reward gap plus discounted transition total variation.");
    }

    @Override
    public ConfigSchema configSchema() {
        return SCHEMA;
    }

    @Override
    public Class<MdpTables> subjectType() {
        return MdpTables.class;
    }

    @Override
    public Similarity measure(MdpTables a, MdpTables b, Config config, long seed) {
        if (a.stateCount() != b.stateCount() || a.actionCount() != b.actionCount()) {
            throw new IllegalArgumentException(ID + " compares MDPs on the same states and actions: " + a.stateCount() + "x"
                    + a.actionCount() + " and " + b.stateCount() + "x" + b.actionCount());
        }
        double gamma = config.as(__CLASS__Config.class).gamma();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < a.stateCount(); s++) {
            for (int x = 0; x < a.actionCount(); x++) {
                min = Math.min(min, Math.min(a.reward(s, x), b.reward(s, x)));
                max = Math.max(max, Math.max(a.reward(s, x), b.reward(s, x)));
            }
        }
        double span = max - min;
        double[] p = new double[a.stateCount()];
        double[] q = new double[a.stateCount()];
        double distance = 0;
        double rewardGap = 0;
        double worstTv = 0;
        for (int s = 0; s < a.stateCount(); s++) {
            for (int x = 0; x < a.actionCount(); x++) {
                a.distribution(s, x, p);
                b.distribution(s, x, q);
                double tv = 0;
                for (int k = 0; k < p.length; k++) {
                    tv += Math.abs(p[k] - q[k]);
                }
                tv /= 2;
                double gap = Math.abs(a.reward(s, x) - b.reward(s, x));
                rewardGap = Math.max(rewardGap, gap);
                worstTv = Math.max(worstTv, tv);
                distance = Math.max(distance, gap + gamma / (1 - gamma) * span * tv);
            }
        }
        return new Similarity(distance, Map.of("max_reward_gap", rewardGap, "max_transition_tv", worstTv));
    }
}
