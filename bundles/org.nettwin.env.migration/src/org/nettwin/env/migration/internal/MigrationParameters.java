package org.nettwin.env.migration.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;
import org.nettwin.env.migration.MigrationGame;

/**
 * The validated parameters of {@code migration/UavTwinMigration-v1} and the construction of its
 * game from them: where the UAVs are (drawn from the creation seed) fixes every UAV-RSU link's
 * spectral efficiency and so the immersion gains {@code gamma_mn}.
 *
 * @param rsus              leaders
 * @param uavs              followers
 * @param rounds            pricing rounds per episode
 * @param history           past rounds in a leader's observation
 * @param cost              every RSU's unit bandwidth cost (lowest price)
 * @param priceCap          highest price
 * @param kappa             convex bandwidth cost coefficient of the UAVs
 * @param immersionWeight   [min, max] of the UAVs' immersion valuations alpha_m
 * @param twinSizeMbit      [min, max] of the UAV twins' sizes D_m, Mbit
 * @param latencySeconds    tolerable migration latency T, seconds
 * @param snrAtReferenceDb  SNR of a UAV-RSU link at the reference distance, dB
 * @param referenceDistance reference distance, metres
 * @param pathLossExponent  path-loss exponent
 * @param rsuSpacing        distance between neighbouring RSUs along the road, metres
 * @param uavHeight         UAV altitude, metres
 * @param corridorWidth     width of the strip along the road where UAVs fly, metres
 */
public record MigrationParameters(int rsus, int uavs, int rounds, int history, double cost, double priceCap, double kappa,
        double[] immersionWeight, double[] twinSizeMbit, double latencySeconds, double snrAtReferenceDb, double referenceDistance,
        double pathLossExponent, double rsuSpacing, double uavHeight, double corridorWidth) {

    /** The typed configuration schema, with defaults and ranges. */
    public static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("rsus", 3, 1, 16, "RoadSide Units: the leaders, one learning agent each")
            .intParam("uavs", 6, 1, 64, "UAVs: the followers, whose exact best responses are computed")
            .intParam("rounds", 50, 1, 1_000_000, "pricing rounds per episode (the episode is truncated after them)")
            .intParam("history", 4, 1, 64, "past rounds of prices and sales in each RSU's observation")
            .doubleParam("cost", 1.0, 0.01, 1_000.0, "unit cost of bandwidth of every RSU, per MHz: the lowest price it may post")
            .doubleParam("priceCap", 5.0, 0.02, 10_000.0, "the highest price per MHz an RSU may post (must exceed cost)")
            .doubleParam("kappa", 1.0, 1e-6, 1_000.0, "UAVs' convex cost of bandwidth on a link, kappa/2 b^2 (choice: the summary is silent)")
            .doubleListParam("immersionWeight", List.of(30.0, 50.0), 1e-3, 1e6,
                    "[min, max]: each UAV's valuation alpha_m of immersion is drawn uniformly from this range at creation")
            .doubleListParam("twinSizeMbit", List.of(80.0, 120.0), 1e-3, 1e6,
                    "[min, max]: each UAV twin's size D_m in Mbit, drawn uniformly at creation")
            .doubleParam("latencySeconds", 1.0, 1e-3, 100.0, "tolerable migration latency T: D_m / T is the just-sufficient rate")
            .doubleParam("snrAtReferenceDb", 30.0, -20.0, 80.0, "SNR of a UAV-RSU link at the reference distance, dB")
            .doubleParam("referenceDistance", 100.0, 1.0, 10_000.0, "reference distance of snrAtReferenceDb, metres")
            .doubleParam("pathLossExponent", 2.5, 2.0, 6.0, "path-loss exponent of the UAV-RSU links")
            .doubleParam("rsuSpacing", 400.0, 10.0, 100_000.0, "distance between neighbouring RSUs along the road, metres")
            .doubleParam("uavHeight", 100.0, 1.0, 10_000.0, "UAV altitude, metres")
            .doubleParam("corridorWidth", 400.0, 0.0, 100_000.0, "width of the strip along the road where the UAVs are, metres")
            .build();

    /** Checks what the schema cannot: ranges given as [min, max] and the price cap above the cost. */
    public MigrationParameters {
        range("immersionWeight", immersionWeight);
        range("twinSizeMbit", twinSizeMbit);
        if (!(priceCap > cost)) {
            throw new ConfigException("priceCap", "must be above cost (" + cost + "), got " + priceCap);
        }
        immersionWeight = immersionWeight.clone();
        twinSizeMbit = twinSizeMbit.clone();
    }

    /** @return a copy of the [min, max] range of the immersion valuations */
    @Override
    public double[] immersionWeight() {
        return immersionWeight.clone();
    }

    /** @return a copy of the [min, max] range of the twin sizes */
    @Override
    public double[] twinSizeMbit() {
        return twinSizeMbit.clone();
    }

    private static void range(String name, double[] r) {
        if (r.length != 2 || r[0] > r[1]) {
            throw new ConfigException(name, "must be [min, max] with min <= max, got " + Arrays.toString(r));
        }
    }

    /** Reads a validated configuration; throws {@link ConfigException} naming the field for cross-field problems. */
    public static MigrationParameters of(Config c) {
        return new MigrationParameters(c.getInt("rsus"), c.getInt("uavs"), c.getInt("rounds"), c.getInt("history"),
                c.getDouble("cost"), c.getDouble("priceCap"), c.getDouble("kappa"), c.getDoubles("immersionWeight"),
                c.getDoubles("twinSizeMbit"), c.getDouble("latencySeconds"), c.getDouble("snrAtReferenceDb"),
                c.getDouble("referenceDistance"), c.getDouble("pathLossExponent"), c.getDouble("rsuSpacing"), c.getDouble("uavHeight"),
                c.getDouble("corridorWidth"));
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

    private static double uniform(RandomGenerator random, double[] range) {
        return range[0] + random.nextDouble() * (range[1] - range[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationParameters q && rsus == q.rsus && uavs == q.uavs && rounds == q.rounds && history == q.history
                && cost == q.cost && priceCap == q.priceCap && kappa == q.kappa
                && Arrays.equals(immersionWeight, q.immersionWeight) && Arrays.equals(twinSizeMbit, q.twinSizeMbit)
                && latencySeconds == q.latencySeconds && snrAtReferenceDb == q.snrAtReferenceDb && referenceDistance == q.referenceDistance
                && pathLossExponent == q.pathLossExponent && rsuSpacing == q.rsuSpacing && uavHeight == q.uavHeight
                && corridorWidth == q.corridorWidth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rsus, uavs, rounds, history, cost, priceCap, kappa);
    }

    @Override
    public String toString() {
        return "MigrationParameters(rsus=" + rsus + ", uavs=" + uavs + ", rounds=" + rounds + ", cost=" + cost + ", priceCap=" + priceCap
                + ", kappa=" + kappa + ")";
    }
}
