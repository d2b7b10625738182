package org.nettwin.env.slicing.internal;

import java.util.random.RandomGenerator;

/**
 * The static radio geometry of {@code slicing/MultiCell-v1}, drawn once at creation: three-sector
 * sites on a hexagonal grid, each sector's UE positions on a polar grid (rings x angles) and the
 * received power at every position from every cell (WINNER+ path loss, sector antenna pattern,
 * per-site log-normal shadowing). Cell {@code k} is sector {@code k % 3} of site {@code k / 3}.
 */
final class CellNetwork {

    private static final double[] BORESIGHTS_DEG = {30.0, 150.0, 270.0};

    final int cells;
    final int positions;
    final int rings;
    final int angles;
    /** Received power from the serving cell at position {@code m} of cell {@code k}: [k * positions + m], mW. */
    final double[] signal;
    /**
     * Received power from cell {@code i} at position {@code m} of cell {@code k}: [i * cells *
     * positions + k * positions + m], mW; 0 for i == k. Interferer-major, so the load-weighted sum
     * over interferers runs as independent (vectorisable) additions over all positions.
     */
    final double[] interference;
    /** Noise power over the cell bandwidth, mW. */
    final double noise;
    /** Each cell's neighbours, strongest mean interferer first. */
    final int[][] neighbours;

    CellNetwork(MultiCellParameters p, RandomGenerator random) {
        this.cells = p.cells();
        this.rings = p.rings();
        this.angles = p.angles();
        this.positions = rings * angles;
        double[] siteX = new double[p.sites()];
        double[] siteY = new double[p.sites()];
        for (int s = 1; s < p.sites(); s++) {
            double a = Math.toRadians(30.0 + 60.0 * (s - 1));
            siteX[s] = p.interSiteDistanceM() * Math.cos(a);
            siteY[s] = p.interSiteDistanceM() * Math.sin(a);
        }
        // the far corner of a three-sector site's hexagonal cell lies ISD / sqrt(3) from the site
        double maxDistance = Math.max(p.minDistanceM() + 1.0, p.interSiteDistanceM() / Math.sqrt(3.0));
        int points = cells * positions;
        double[] px = new double[points];
        double[] py = new double[points];
        for (int k = 0; k < cells; k++) {
            int site = k / 3;
            for (int r = 0; r < rings; r++) {
                double d = p.minDistanceM() + (r + 0.5) * (maxDistance - p.minDistanceM()) / rings;
                for (int a = 0; a < angles; a++) {
                    double az = Math.toRadians(BORESIGHTS_DEG[k % 3] - 60.0 + (a + 0.5) * 120.0 / angles);
                    int m = k * positions + r * angles + a;
                    px[m] = siteX[site] + d * Math.cos(az);
                    py[m] = siteY[site] + d * Math.sin(az);
                }
            }
        }
        // shadowing is a property of the site-to-position link, shared by a site's three sectors
        double[] shadow = new double[p.sites() * points];
        for (int i = 0; i < shadow.length; i++) {
            shadow[i] = p.shadowingDb() * random.nextGaussian();
        }
        this.signal = new double[points];
        this.interference = new double[points * cells];
        double[] meanInterference = new double[cells * cells];
        for (int k = 0; k < cells; k++) {
            for (int m = 0; m < positions; m++) {
                int point = k * positions + m;
                for (int i = 0; i < cells; i++) {
                    int site = i / 3;
                    double dx = px[point] - siteX[site];
                    double dy = py[point] - siteY[site];
                    double d = Math.max(p.minDistanceM(), Math.hypot(dx, dy));
                    double azimuth = Math.toDegrees(Math.atan2(dy, dx));
                    double dbm = p.txPowerDbm() + p.antennaGainDbi()
                            + Radio.sectorAttenuationDb(azimuth - BORESIGHTS_DEG[i % 3], p.beamwidthDeg(), p.frontToBackDb())
                            - Radio.winnerUrbanMacroNlos(d, p.bsHeightM(), p.carrierGHz()) - shadow[site * points + point];
                    double mw = Radio.dbmToMilliwatts(dbm);
                    if (i == k) {
                        signal[point] = mw;
                    } else {
                        interference[i * points + point] = mw;
                        meanInterference[k * cells + i] += mw / positions;
                    }
                }
            }
        }
        this.noise = Radio.dbmToMilliwatts(Radio.noiseDbm(p.bandwidthHz(), p.noiseFigureDb()));
        this.neighbours = new int[cells][p.neighbours()];
        for (int k = 0; k < cells; k++) {
            boolean[] taken = new boolean[cells];
            taken[k] = true;
            for (int j = 0; j < p.neighbours(); j++) {
                int best = -1;
                for (int i = 0; i < cells; i++) {
                    if (!taken[i] && (best < 0 || meanInterference[k * cells + i] > meanInterference[k * cells + best])) {
                        best = i;
                    }
                }
                taken[best] = true;
                neighbours[k][j] = best;
            }
        }
    }
}
