package org.nettwin.env.migration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.nettwin.api.Seeds;
import org.nettwin.env.migration.MigrationGame;
import org.nettwin.env.migration.StackelbergEquilibrium;

/** The followers' exact best responses, the leaders' profits and the Stackelberg equilibrium. */
class MigrationGameTest {

    /** A game built like the scenario's, from the default configuration with some overrides. */
    static MigrationGame game(Map<String, ?> raw, long seed) {
        MigrationConfig c = new MigrationProvider().configSchema().validate(raw, "scenario.config").as(MigrationConfig.class);
        return c.game(Seeds.generator(seed));
    }

    private static double[] randomPrices(MigrationGame g, RandomGenerator random) {
        double[] p = new double[g.leaders()];
        for (int n = 0; n < p.length; n++) {
            p[n] = g.price(n, random.nextDouble());
        }
        return p;
    }

    @Test
    void bestResponseSatisfiesTheKktConditionsAndIsAGlobalMaximum() {
        RandomGenerator random = Seeds.generator(3);
        for (int trial = 0; trial < 200; trial++) {
            MigrationGame g = game(Map.of("rsus", 1 + trial % 6, "uavs", 4, "kappa", trial % 2 == 0 ? 0.1 : 2.0), trial);
            double[] prices = randomPrices(g, random);
            double[] b = new double[g.leaders()];
            for (int m = 0; m < g.followers(); m++) {
                g.bestResponse(m, prices, b);
                double x = 0;
                for (int n = 0; n < b.length; n++) {
                    assertTrue(b[n] >= 0);
                    x += g.gamma(m, n) * b[n];
                }
                for (int n = 0; n < b.length; n++) {
                    // dU/db_n = alpha gamma_n / (1 + X) - p_n - kappa b_n: zero where b_n > 0, <= 0 where b_n = 0
                    double gradient = g.alpha(m) * g.gamma(m, n) / (1 + x) - prices[n] - g.kappa() * b[n];
                    if (b[n] > 0) {
                        assertEquals(0.0, gradient, 1e-9 * (1 + prices[n]), "stationarity, trial " + trial);
                    } else {
                        assertTrue(gradient <= 1e-12, "complementary slackness, trial " + trial + ": " + gradient);
                    }
                }
                double best = g.followerUtility(m, prices, b, 0);
                double[] other = new double[b.length];
                for (int k = 0; k < 50; k++) {
                    for (int n = 0; n < b.length; n++) {
                        other[n] = Math.max(0, b[n] + (random.nextDouble() - 0.5) * (k < 25 ? 1e-3 : 5.0));
                    }
                    assertTrue(g.followerUtility(m, prices, other, 0) <= best + 1e-12, "a perturbed demand must not do better");
                }
            }
        }
    }

    @Test
    void oneRsuOneUavMatchesTheClosedForm() {
        double gamma = 0.08;
        double alpha = 40;
        double kappa = 0.3;
        double price = 2.0;
        MigrationGame g = new MigrationGame(new double[][] {{gamma}}, new double[] {alpha}, kappa, new double[] {1.0}, 5.0);
        double[] b = new double[1];
        g.bestResponse(0, new double[] {price}, b);
        // alpha gamma / (1 + gamma b) = p + kappa b  <=>  kappa gamma b^2 + (kappa + p gamma) b + p - alpha gamma = 0
        double qa = kappa * gamma;
        double qb = kappa + price * gamma;
        double qc = price - alpha * gamma;
        double expected = (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
        assertEquals(expected, b[0], 1e-12);
        g.bestResponse(0, new double[] {alpha * gamma + 0.01}, b);
        assertEquals(0.0, b[0], "above the UAV's marginal valuation at zero it buys nothing");
    }

    @Test
    void demandFallsWithOwnPriceAndRisesWithRivalPrices() {
        MigrationGame g = game(Map.of(), 7);
        double[] prices = {2.0, 2.0, 2.0};
        double[] demands = new double[g.followers() * g.leaders()];
        double previousOwn = Double.POSITIVE_INFINITY;
        double previousRival = -1;
        for (double p0 = 1.0; p0 <= 5.0; p0 += 0.25) {
            prices[0] = p0;
            g.bestResponses(prices, demands);
            double own = 0;
            double rival = 0;
            for (int m = 0; m < g.followers(); m++) {
                own += demands[m * 3];
                rival += demands[m * 3 + 1] + demands[m * 3 + 2];
            }
            assertTrue(own <= previousOwn + 1e-12, "RSU 0's demand must not rise with its price");
            assertTrue(rival >= previousRival - 1e-12, "the rivals' demand must not fall when RSU 0 gets dearer");
            previousOwn = own;
            previousRival = rival;
        }
        assertTrue(previousRival > 0);
    }

    @Test
    void profitDerivativeMatchesFiniteDifferences() {
        RandomGenerator random = Seeds.generator(5);
        MigrationGame g = game(Map.of("rsus", 4, "uavs", 10), 9);
        double[] scratch = new double[g.followers() * g.leaders()];
        for (int trial = 0; trial < 100; trial++) {
            double[] prices = randomPrices(g, random);
            int n = trial % 4;
            double h = 1e-6;
            double p = prices[n];
            prices[n] = p + h;
            double up = g.leaderProfit(n, prices);
            prices[n] = p - h;
            double down = g.leaderProfit(n, prices);
            prices[n] = p;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, g.leaderProfitDerivative(n, prices, scratch), 1e-5 * (1 + Math.abs(numeric)));
        }
    }

    @Test
    void noLeaderGainsByUnilaterallyDeviatingFromTheEquilibrium() {
        Object[][] cases = {
            {Map.of(), 1L},
            {Map.of(), 2L},
            {Map.of("rsus", 2, "uavs", 4), 3L},
            {Map.of("rsus", 5, "uavs", 12, "kappa", 0.5), 4L},
            {Map.of("cost", 2.0, "priceCap", 2.3), 5L},            // a cap that binds
            {Map.of("rsus", 4, "rsuSpacing", 100.0), 6L},          // close RSUs: strong competition
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            MigrationGame g = game((Map<String, ?>) c[0], (Long) c[1]);
            StackelbergEquilibrium e = StackelbergEquilibrium.solve(g);
            double scale = 0;
            for (int n = 0; n < g.leaders(); n++) {
                assertTrue(e.price(n) >= g.cost(n) && e.price(n) <= g.priceCap(), "prices respect cost and cap");
                assertTrue(e.profit(n) >= 0);
                scale = Math.max(scale, e.profit(n));
            }
            assertTrue(scale > 0, "someone sells at equilibrium: " + e);
            double gain = e.maxUnilateralGain(g, 2_000);
            assertTrue(gain <= 1e-9 * scale, c[0] + ": a unilateral deviation gains " + gain + " over " + e);
        }
    }

    @Test
    void theDefaultGameHasAVerifiedEquilibriumForManyCreationSeeds() {
        for (long seed = 0; seed < 40; seed++) {
            MigrationGame g = game(Map.of(), seed);
            StackelbergEquilibrium e = StackelbergEquilibrium.solve(g);
            double scale = 0;
            for (int n = 0; n < g.leaders(); n++) {
                scale = Math.max(scale, e.profit(n));
            }
            double gain = e.maxUnilateralGain(g, 400);
            assertTrue(gain <= 1e-9 * scale, "seed " + seed + ": a unilateral deviation gains " + gain);
        }
    }

    @Test
    void costsAndPriceCapsMoveTheEquilibriumAsEconomicsSays() {
        for (long seed = 1; seed <= 5; seed++) {
            StackelbergEquilibrium base = StackelbergEquilibrium.solve(game(Map.of(), seed));
            MigrationGame dearer = game(Map.of("cost", 1.5), seed);
            StackelbergEquilibrium costly = StackelbergEquilibrium.solve(dearer);
            MigrationGame capped = game(Map.of("priceCap", 1.2), seed);
            StackelbergEquilibrium low = StackelbergEquilibrium.solve(capped);
            double baseBandwidth = 0;
            double costlyBandwidth = 0;
            for (double b : base.demands()) {
                baseBandwidth += b;
            }
            for (double b : costly.demands()) {
                costlyBandwidth += b;
            }
            assertTrue(costlyBandwidth < baseBandwidth, "a higher cost must lower the bandwidth traded, seed " + seed);
            for (int n = 0; n < 3; n++) {
                assertTrue(costly.price(n) > base.price(n), "a higher cost must raise every equilibrium price, seed " + seed);
                // the default equilibrium prices lie above 1.2, so a cap of 1.2 binds for every RSU
                assertEquals(1.2, low.price(n), 1e-12, "a binding cap is the equilibrium price, seed " + seed);
                assertTrue(low.profit(n) < base.profit(n), "a binding cap lowers the RSU's profit, seed " + seed);
            }
            assertTrue(low.maxUnilateralGain(capped, 400) <= 1e-12, "the capped equilibrium is still an equilibrium");
        }
    }

    @Test
    void competitionLowersPricesBelowTheMonopolyPrice() {
        // one RSU alone prices higher than when a second, equally good RSU stands beside it
        MigrationGame alone = new MigrationGame(new double[][] {{0.08}, {0.08}}, new double[] {40, 40}, 0.1, new double[] {1.0}, 10.0);
        MigrationGame pair = new MigrationGame(new double[][] {{0.08, 0.08}, {0.08, 0.08}}, new double[] {40, 40}, 0.1,
                new double[] {1.0, 1.0}, 10.0);
        double monopoly = StackelbergEquilibrium.solve(alone).price(0);
        StackelbergEquilibrium duopoly = StackelbergEquilibrium.solve(pair);
        assertEquals(duopoly.price(0), duopoly.price(1), 1e-9, "symmetric RSUs price alike");
        assertTrue(duopoly.price(0) < monopoly - 1e-3, "competition must lower the price: " + duopoly.price(0) + " vs " + monopoly);
        assertTrue(duopoly.price(0) > 1.0, "but stays above cost while the UAVs' convex cost differentiates the RSUs");
    }

    @Test
    void gameRejectsInvalidParameters() {
        assertThrows(IllegalArgumentException.class, () -> new MigrationGame(new double[][] {{0.1}}, new double[] {1}, 0, new double[] {1}, 2));
        assertThrows(IllegalArgumentException.class, () -> new MigrationGame(new double[][] {{0.1}}, new double[] {1}, 1, new double[] {3}, 2));
        assertThrows(IllegalArgumentException.class, () -> new MigrationGame(new double[][] {{-0.1}}, new double[] {1}, 1, new double[] {1}, 2));
        assertThrows(IllegalArgumentException.class, () -> new MigrationGame(new double[][] {{0.1, 0.2}}, new double[] {1}, 1, new double[] {1}, 2));
    }
}
