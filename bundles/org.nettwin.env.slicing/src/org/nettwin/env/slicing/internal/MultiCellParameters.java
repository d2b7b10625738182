package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;

/**
 * The validated parameters of {@code slicing/MultiCell-v1}; defaults from Hu et al. (paper 004,
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
 * @param episodeSteps           steps before the episode is truncated
 */
record MultiCellParameters(int sites, double interSiteDistanceM, double bandwidthHz, double carrierGHz, double txPowerDbm,
        double antennaGainDbi, double beamwidthDeg, double frontToBackDb, double bsHeightM, double noiseFigureDb,
        double shadowingDb, double minDistanceM, int rings, int angles, int maxUsers, double activityFactor,
        double[] packetBits, double[][] throughputReqBps, double[][] delayReqMs, double maskMean, double maskAmplitude,
        int maskPeriod, double maskNoise, double maskCorrelation, double moveProbability, int neighbours,
        int couplingIterations, double shannonAttenuation, double minSinr, double maxSpectralEfficiency,
        double schedulingDelayMs, double maxDelayMs, int episodeSteps) {

    /** Largest number of slices a cell may have. */
    static final int MAX_SLICES = 8;

    /** The typed configuration, with defaults and ranges. */
    static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("sites", 4, 1, 7, "three-sector sites on a hexagonal grid; cells = 3 x sites (paper 004: 4 sites, 12 cells)")
            .doubleParam("interSiteDistanceM", 500, 50, 5000, "inter-site distance, m (3GPP urban macro: 500 m)")
            .doubleParam("bandwidthMHz", 20, 1.4, 100, "bandwidth of every cell, MHz (paper 004: 20 MHz)")
            .doubleParam("carrierGHz", 2.6, 0.5, 6, "carrier frequency, GHz (paper 004: 2.6 GHz)")
            .doubleParam("txPowerDbm", 46, 0, 60, "transmit power per cell, dBm (3GPP TR 36.814 macro: 46 dBm)")
            .doubleParam("antennaGainDbi", 15, 0, 25, "boresight antenna gain, dBi")
            .doubleParam("beamwidthDeg", 70, 10, 360, "3 dB horizontal beamwidth of the sector antenna, degrees (TR 36.814: 70)")
            .doubleParam("frontToBackDb", 20, 0, 40, "maximum sector attenuation, dB (TR 36.814: 20)")
            .doubleParam("bsHeightM", 25, 1, 100, "base-station height, m (WINNER C2: 25 m)")
            .doubleParam("noiseFigureDb", 9, 0, 20, "UE noise figure, dB (TR 36.814: 9 dB)")
            .doubleParam("shadowingDb", 8, 0, 16, "log-normal shadowing standard deviation, dB (WINNER C2 NLOS: 8 dB)")
            .doubleParam("minDistanceM", 35, 1, 500, "closest UE distance to its site, m (TR 36.814: 35 m)")
            .intParam("rings", 4, 1, 16, "radial positions of each sector's mobility grid")
            .intParam("angles", 4, 1, 16, "angular positions of each sector's mobility grid")
            .intParam("maxUsersPerSlice", 32, 1, 256, "UEs per slice and cell; the traffic mask activates a share of them (paper 004: 32)")
            .doubleParam("activityFactor", 0.04, 0.001, 1,
                    "offered traffic of an active UE as a fraction of its slice's throughput requirement (its download duty cycle)")
            .doubleListParam("packetBytes", List.of(250.0, 250.0, 250.0, 250.0), 1, 1e6,
                    "packet size per slice, bytes; the slice delay is the time to deliver one packet at the flow throughput")
            .doubleListParam("throughputReqMbpsA", List.of(4.0, 3.0, 2.0, 1.0), 0.001, 1000,
                    "per-slice average user throughput requirements of cells 1-3, 7-9, ... (sites 1, 3, ...), Mbit/s (paper 004)")
            .doubleListParam("delayReqMsA", List.of(3.0, 2.0, 1.0, 1.0), 0.01, 10000,
                    "per-slice delay requirements of cells 1-3, 7-9, ..., ms (paper 004)")
            .doubleListParam("throughputReqMbpsB", List.of(2.5, 2.0, 1.5, 1.0), 0.001, 1000,
                    "per-slice throughput requirements of cells 4-6, 10-12, ... (sites 2, 4, ...), Mbit/s (paper 004)")
            .doubleListParam("delayReqMsB", List.of(1.0, 1.0, 1.0, 1.0), 0.01, 10000,
                    "per-slice delay requirements of cells 4-6, 10-12, ..., ms (paper 004)")
            .doubleParam("trafficMaskMean", 0.5, 0, 1, "mean of the traffic mask tau_n(t)")
            .doubleParam("trafficMaskAmplitude", 0.35, 0, 1, "amplitude of the mask's periodic component")
            .intParam("trafficMaskPeriod", 200, 2, 10_000_000, "period of the mask's periodic component, steps")
            .doubleParam("trafficMaskNoise", 0.1, 0, 1, "standard deviation of each cell's AR(1) fluctuation around the mask")
            .doubleParam("trafficMaskCorrelation", 0.9, 0, 0.999, "AR(1) coefficient of that fluctuation per step")
            .doubleParam("moveProbability", 0.5, 0, 1, "probability that a UE moves to a neighbouring grid position in a step")
            .intParam("neighbours", 6, 1, 20, "neighbouring cells (strongest mean interferers) whose slice loads an agent observes")
            .intParam("couplingIterations", 3, 1, 100, "fixed-point iterations of the load coupling per step (warm-started)")
            .doubleParam("shannonAttenuation", 0.6, 0.1, 1.0, "alpha of the attenuated Shannon bound (TR 36.942 A.2: 0.6)")
            .doubleParam("minSinrDb", -10, -30, 10, "SINR floor, dB (TR 36.942 A.2: -10 dB)")
            .doubleParam("maxSpectralEfficiency", 4.4, 0.1, 10, "spectral-efficiency cap, bit/s/Hz (TR 36.942 A.2: 4.4)")
            .doubleParam("schedulingDelayMs", 0, 0, 100, "fixed delay added to every packet, ms")
            .doubleParam("maxDelayMs", 100, 1, 100_000, "delay reported for a slice with users but no resources, ms")
            .intParam("episodeSteps", 200, 1, 10_000_000, "steps before an episode is truncated")
            .intParam("controlledCell", 0, 0, 3 * 7, "0 = all cells are agents (parallel multi-agent); k >= 1 = a single-agent "
                    + "view of cell k (1..cells) while every other cell follows the traffic-aware rule")
            .build();

    /** Reads a validated config and checks what the schema cannot (list lengths, neighbour count). */
    static MultiCellParameters of(Config c) {
        int n = c.getDoubles("throughputReqMbpsA").length;
        if (n < 1 || n > MAX_SLICES) {
            throw new ConfigException("throughputReqMbpsA", "must list between 1 and " + MAX_SLICES + " slices, got " + n);
        }
        for (String list : List.of("packetBytes", "delayReqMsA", "throughputReqMbpsB", "delayReqMsB")) {
            if (c.getDoubles(list).length != n) {
                throw new ConfigException(list, "must have one value per slice (" + n + ", the length of throughputReqMbpsA), got "
                        + c.getDoubles(list).length);
            }
        }
        int sites = c.getInt("sites");
        int neighbours = c.getInt("neighbours");
        if (neighbours > 3 * sites - 1) {
            throw new ConfigException("neighbours", "must be in [1, " + (3 * sites - 1) + "] (cells - 1 with " + sites
                    + " sites), got " + neighbours);
        }
        int controlledCell = c.getInt("controlledCell");
        if (controlledCell > 3 * sites) {
            throw new ConfigException("controlledCell", "must be in [0, " + 3 * sites + "] (0 or a cell 1..cells with " + sites
                    + " sites), got " + controlledCell);
        }
        double[][] thr = {scaled(c.getDoubles("throughputReqMbpsA"), 1e6), scaled(c.getDoubles("throughputReqMbpsB"), 1e6)};
        double[][] delay = {c.getDoubles("delayReqMsA"), c.getDoubles("delayReqMsB")};
        return new MultiCellParameters(sites, c.getDouble("interSiteDistanceM"), c.getDouble("bandwidthMHz") * 1e6,
                c.getDouble("carrierGHz"), c.getDouble("txPowerDbm"), c.getDouble("antennaGainDbi"), c.getDouble("beamwidthDeg"),
                c.getDouble("frontToBackDb"), c.getDouble("bsHeightM"), c.getDouble("noiseFigureDb"), c.getDouble("shadowingDb"),
                c.getDouble("minDistanceM"), c.getInt("rings"), c.getInt("angles"), c.getInt("maxUsersPerSlice"),
                c.getDouble("activityFactor"), scaled(c.getDoubles("packetBytes"), 8.0), thr, delay, c.getDouble("trafficMaskMean"),
                c.getDouble("trafficMaskAmplitude"), c.getInt("trafficMaskPeriod"), c.getDouble("trafficMaskNoise"),
                c.getDouble("trafficMaskCorrelation"), c.getDouble("moveProbability"), neighbours, c.getInt("couplingIterations"),
                c.getDouble("shannonAttenuation"), Radio.dbToLinear(c.getDouble("minSinrDb")), c.getDouble("maxSpectralEfficiency"),
                c.getDouble("schedulingDelayMs"), c.getDouble("maxDelayMs"), c.getInt("episodeSteps"));
    }

    private static double[] scaled(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
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
