package org.nettwin.env.migration.internal;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;
import org.nettwin.env.migration.MigrationGame;

/**
 * The configuration of {@code migration/UavTwinMigration-v1}, each parameter declared once, and
 * the construction of its game from it: where the UAVs are (drawn from the creation seed) fixes
 * every UAV-RSU link's spectral efficiency and so the immersion gains {@code gamma_mn}. Episodes
 * are truncated by the scenario's {@code timeLimit}, 50 rounds by default.
 */
public record MigrationConfig(
        @Param(value = "3", doc = "RoadSide Units: the leaders, one learning agent each", min = 1, max = 16) int rsus,
        @Param(value = "6", doc = "UAVs: the followers, whose exact best responses are computed", min = 1, max = 64) int uavs,
        @Param(value = "4", doc = "past rounds of prices and sales in each RSU's observation", min = 1, max = 64) int history,
        @Param(value = "1.0", doc = "unit cost of bandwidth of every RSU, per MHz: the lowest price it may post", min = 0.01, max = 1_000.0) double cost,
        @Param(value = "5.0", doc = "the highest price per MHz an RSU may post (must exceed cost)", min = 0.02, max = 10_000.0) double priceCap,
        @Param(value = "1.0", doc = "UAVs' convex cost of bandwidth on a link, kappa/2 b^2 (choice: the summary is silent)", min = 1e-6, max = 1_000.0) double kappa,
        @Param(value = "[30.0, 50.0]", doc = "[min, max]: each UAV's valuation alpha_m of immersion is drawn uniformly from this range at creation", min = 1e-3, max = 1e6) List<Double> immersionWeight,
        @Param(value = "[80.0, 120.0]", doc = "[min, max]: each UAV twin's size D_m in Mbit, drawn uniformly at creation", min = 1e-3, max = 1e6) List<Double> twinSizeMbit,
        @Param(value = "1.0", doc = "tolerable migration latency T: D_m / T is the just-sufficient rate", min = 1e-3, max = 100.0) double latencySeconds,
        @Param(value = "30.0", doc = "SNR of a UAV-RSU link at the reference distance, dB", min = -20.0, max = 80.0) double snrAtReferenceDb,
        @Param(value = "100.0", doc = "reference distance of snrAtReferenceDb, metres", min = 1.0, max = 10_000.0) double referenceDistance,
        @Param(value = "2.5", doc = "path-loss exponent of the UAV-RSU links", min = 2.0, max = 6.0) double pathLossExponent,
        @Param(value = "400.0", doc = "distance between neighbouring RSUs along the road, metres", min = 10.0, max = 100_000.0) double rsuSpacing,
        @Param(value = "100.0", doc = "UAV altitude, metres", min = 1.0, max = 10_000.0) double uavHeight,
        @Param(value = "400.0", doc = "width of the strip along the road where the UAVs are, metres", min = 0.0, max = 100_000.0) double corridorWidth) {

    /** Pricing rounds per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 50;

    /** Checks what a parameter alone cannot: ranges given as [min, max] and the price cap above the cost. */
    public MigrationConfig {
        immersionWeight = range("immersionWeight", immersionWeight);
        twinSizeMbit = range("twinSizeMbit", twinSizeMbit);
        if (!(priceCap > cost)) {
            throw new ConfigException("priceCap", "must be above cost (" + cost + "), got " + priceCap);
        }
    }

    private static List<Double> range(String name, List<Double> r) {
        if (r.size() != 2 || r.get(0) > r.get(1)) {
            throw new ConfigException(name, "must be [min, max] with min <= max, got " + r);
        }
        return List.copyOf(r);
    }

    /**
     * Builds the game: RSU n stands at {@code ((n + 1/2) spacing, 0)} on the road; each UAV is
     * placed uniformly over the road's length and the corridor's width at {@code uavHeight}, and
     * draws its valuation and twin size. The link's spectral efficiency is
     * {@code e_mn = log2(1 + SNR_ref (d_ref / d_mn)^eta)} and {@code gamma_mn = e_mn T / D_m}.
     */
    public MigrationGame game(RandomGenerator random) {
        double[][] gamma = new double[uavs][rsus];
        double[] alpha = new double[uavs];
        double snrReference = Math.pow(10.0, snrAtReferenceDb / 10.0);
        for (int m = 0; m < uavs; m++) {
            double x = random.nextDouble() * rsus * rsuSpacing;
            double y = (random.nextDouble() - 0.5) * corridorWidth;
            double size = uniform(random, twinSizeMbit);
            alpha[m] = uniform(random, immersionWeight);
            for (int n = 0; n < rsus; n++) {
                double dx = x - (n + 0.5) * rsuSpacing;
                double d = Math.sqrt(dx * dx + y * y + uavHeight * uavHeight);
                double snr = snrReference * Math.pow(referenceDistance / d, pathLossExponent);
                double efficiency = Math.log1p(snr) / Math.log(2.0);
                gamma[m][n] = efficiency * latencySeconds / size;
            }
        }
        double[] costs = new double[rsus];
        Arrays.fill(costs, cost);
        return new MigrationGame(gamma, alpha, kappa, costs, priceCap);
    }

    private static double uniform(RandomGenerator random, List<Double> range) {
        return range.get(0) + random.nextDouble() * (range.get(1) - range.get(0));
    }
}
