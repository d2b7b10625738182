package org.nettwin.env.slicing.internal;

import java.util.List;

/**
 * The simulator's parameters of {@code slicing/MultiCell-v1}, derived from {@link MultiCellConfig}; defaults from Hu et al. (paper 004,
 * Section V.1) where the paper gives them, otherwise from 3GPP / WINNER practice (README).
 *
 * @param sites                  three-sector sites on a hexagonal grid (4 in the paper)
 * @param interSiteDistanceM     inter-site distance, m
 * @param bandwidthHz            cell bandwidth, Hz
 * @param carrierGHz             carrier frequency, GHz
 * @param txPowerDbm             transmit power per cell, dBm
 * @param antennaGainDbi         boresight antenna gain, dBi
 * @param beamwidthDeg           3 dB horizontal beamwidth, degrees
 * @param frontToBackDb          maximum sector attenuation, dB
 * @param bsHeightM              base-station height, m
 * @param noiseFigureDb          UE noise figure, dB
 * @param shadowingDb            log-normal shadowing standard deviation, dB
 * @param minDistanceM           closest UE distance to its site, m
 * @param rings                  radial positions of the mobility grid per sector
 * @param angles                 angular positions of the mobility grid per sector
 * @param maxUsers               UEs per slice group (the traffic mask activates a share of them)
 * @param activityFactor         offered traffic of an active UE as a fraction of its slice's throughput requirement
 * @param packetBits             packet size per slice, bits (delay = packet / flow throughput)
 * @param throughputReqBps       per-cell-group (A, B) per-slice throughput requirements, bit/s
 * @param delayReqMs             per-cell-group (A, B) per-slice delay requirements, ms
 * @param maskMean               traffic mask mean
 * @param maskAmplitude          traffic mask sinusoid amplitude
 * @param maskPeriod             traffic mask period, steps
 * @param maskNoise              standard deviation of the per-cell AR(1) mask fluctuation
 * @param maskCorrelation        AR(1) coefficient of that fluctuation
 * @param moveProbability        probability that a UE moves to a neighbouring grid position per step
 * @param neighbours             neighbouring cells whose loads each agent observes
 * @param couplingIterations     fixed-point iterations of the load coupling per step
 * @param shannonAttenuation     alpha of the attenuated Shannon bound
 * @param minSinr                SINR floor (linear)
 * @param maxSpectralEfficiency  spectral-efficiency cap, bit/s/Hz
 * @param schedulingDelayMs      fixed delay added to every packet, ms
 * @param maxDelayMs             delay reported for a slice without resources, ms
 */
record MultiCellParameters(int sites, double interSiteDistanceM, double bandwidthHz, double carrierGHz, double txPowerDbm,
        double antennaGainDbi, double beamwidthDeg, double frontToBackDb, double bsHeightM, double noiseFigureDb,
        double shadowingDb, double minDistanceM, int rings, int angles, int maxUsers, double activityFactor,
        double[] packetBits, double[][] throughputReqBps, double[][] delayReqMs, double maskMean, double maskAmplitude,
        int maskPeriod, double maskNoise, double maskCorrelation, double moveProbability, int neighbours,
        int couplingIterations, double shannonAttenuation, double minSinr, double maxSpectralEfficiency,
        double schedulingDelayMs, double maxDelayMs) {

    /** Largest number of slices a cell may have. */
    static final int MAX_SLICES = 8;

    /** Derives the simulator's quantities from a checked configuration. */
    static MultiCellParameters of(MultiCellConfig c) {
        double[][] thr = {scaled(c.throughputReqMbpsA(), 1e6), scaled(c.throughputReqMbpsB(), 1e6)};
        double[][] delay = {scaled(c.delayReqMsA(), 1.0), scaled(c.delayReqMsB(), 1.0)};
        return new MultiCellParameters(c.sites(), c.interSiteDistanceM(), c.bandwidthMHz() * 1e6, c.carrierGHz(), c.txPowerDbm(),
                c.antennaGainDbi(), c.beamwidthDeg(), c.frontToBackDb(), c.bsHeightM(), c.noiseFigureDb(), c.shadowingDb(),
                c.minDistanceM(), c.rings(), c.angles(), c.maxUsersPerSlice(), c.activityFactor(), scaled(c.packetBytes(), 8.0), thr,
                delay, c.trafficMaskMean(), c.trafficMaskAmplitude(), c.trafficMaskPeriod(), c.trafficMaskNoise(),
                c.trafficMaskCorrelation(), c.moveProbability(), c.neighbours(), c.couplingIterations(), c.shannonAttenuation(),
                Radio.dbToLinear(c.minSinrDb()), c.maxSpectralEfficiency(), c.schedulingDelayMs(), c.maxDelayMs());
    }

    private static double[] scaled(List<Double> v, double factor) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i) * factor;
        }
        return out;
    }

    /** @return the number of slices per cell */
    int slices() {
        return packetBits.length;
    }

    /** @return the offered traffic of one active UE of {@code slice} in {@code cell}, bit/s */
    double userDemandBps(int cell, int slice) {
        return activityFactor * throughputReqBps[group(cell)][slice];
    }

    /**
     * @return the average user throughput {@code slice} in {@code cell} needs to meet both of its
     *         requirements: {@code max(thr*, packet / (d* - schedulingDelay))}, bit/s
     */
    double effectiveRequirementBps(int cell, int slice) {
        int g = group(cell);
        double budgetMs = delayReqMs[g][slice] - schedulingDelayMs;
        double forDelay = budgetMs > 0 ? 1e3 * packetBits[slice] / budgetMs : Double.MAX_VALUE / 4;
        return Math.max(throughputReqBps[g][slice], Math.min(forDelay, Double.MAX_VALUE / 4));
    }

    /** @return {@link #userDemandBps(int, int)} of every cell and slice, [cell * slices + slice] */
    double[] userDemands() {
        double[] d = new double[cells() * slices()];
        for (int k = 0; k < cells(); k++) {
            for (int n = 0; n < slices(); n++) {
                d[k * slices() + n] = userDemandBps(k, n);
            }
        }
        return d;
    }

    /** @return the number of cells */
    int cells() {
        return 3 * sites;
    }

    /** @return the requirement group (0 = A, 1 = B) of a cell: sites 1, 3, ... are A, sites 2, 4, ... are B */
    static int group(int cell) {
        return (cell / 3) % 2;
    }
}
