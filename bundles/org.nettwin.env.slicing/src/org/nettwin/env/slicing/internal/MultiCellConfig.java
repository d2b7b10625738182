package org.nettwin.env.slicing.internal;

import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code slicing/MultiCell-v1}, each parameter declared once (sources in the
 * docs and the README); {@link MultiCellParameters} derives the simulator's quantities from it.
 * Episodes are truncated by the scenario's {@code timeLimit}, 200 steps by default. The compact
 * constructor checks what a parameter alone cannot (list lengths, neighbour count, controlled cell).
 */
public record MultiCellConfig(
        @Param(value = "4", doc = "three-sector sites on a hexagonal grid; cells = 3 x sites (paper 004: 4 sites, 12 cells)", min = 1, max = 7) int sites,
        @Param(value = "500.0", doc = "inter-site distance, m (3GPP urban macro: 500 m)", min = 50, max = 5000) double interSiteDistanceM,
        @Param(value = "20.0", doc = "bandwidth of every cell, MHz (paper 004: 20 MHz)", min = 1.4, max = 100) double bandwidthMHz,
        @Param(value = "2.6", doc = "carrier frequency, GHz (paper 004: 2.6 GHz)", min = 0.5, max = 6) double carrierGHz,
        @Param(value = "46.0", doc = "transmit power per cell, dBm (3GPP TR 36.814 macro: 46 dBm)", min = 0, max = 60) double txPowerDbm,
        @Param(value = "15.0", doc = "boresight antenna gain, dBi", min = 0, max = 25) double antennaGainDbi,
        @Param(value = "70.0", doc = "3 dB horizontal beamwidth of the sector antenna, degrees (TR 36.814: 70)", min = 10, max = 360) double beamwidthDeg,
        @Param(value = "20.0", doc = "maximum sector attenuation, dB (TR 36.814: 20)", min = 0, max = 40) double frontToBackDb,
        @Param(value = "25.0", doc = "base-station height, m (WINNER C2: 25 m)", min = 1, max = 100) double bsHeightM,
        @Param(value = "9.0", doc = "UE noise figure, dB (TR 36.814: 9 dB)", min = 0, max = 20) double noiseFigureDb,
        @Param(value = "8.0", doc = "log-normal shadowing standard deviation, dB (WINNER C2 NLOS: 8 dB)", min = 0, max = 16) double shadowingDb,
        @Param(value = "35.0", doc = "closest UE distance to its site, m (TR 36.814: 35 m)", min = 1, max = 500) double minDistanceM,
        @Param(value = "4", doc = "radial positions of each sector's mobility grid", min = 1, max = 16) int rings,
        @Param(value = "4", doc = "angular positions of each sector's mobility grid", min = 1, max = 16) int angles,
        @Param(value = "32", doc = "UEs per slice and cell; the traffic mask activates a share of them (paper 004: 32)", min = 1, max = 256) int maxUsersPerSlice,
        @Param(value = "0.04", doc = "offered traffic of an active UE as a fraction of its slice's throughput requirement (its download duty cycle)", min = 0.001, max = 1) double activityFactor,
        @Param(value = "[250.0, 250.0, 250.0, 250.0]", doc = "packet size per slice, bytes; the slice delay is the time to deliver one packet at the flow throughput", min = 1, max = 1e6) List<Double> packetBytes,
        @Param(value = "[4.0, 3.0, 2.0, 1.0]", doc = "per-slice average user throughput requirements of cells 1-3, 7-9, ... (sites 1, 3, ...), Mbit/s (paper 004)", min = 0.001, max = 1000) List<Double> throughputReqMbpsA,
        @Param(value = "[3.0, 2.0, 1.0, 1.0]", doc = "per-slice delay requirements of cells 1-3, 7-9, ..., ms (paper 004)", min = 0.01, max = 10000) List<Double> delayReqMsA,
        @Param(value = "[2.5, 2.0, 1.5, 1.0]", doc = "per-slice throughput requirements of cells 4-6, 10-12, ... (sites 2, 4, ...), Mbit/s (paper 004)", min = 0.001, max = 1000) List<Double> throughputReqMbpsB,
        @Param(value = "[1.0, 1.0, 1.0, 1.0]", doc = "per-slice delay requirements of cells 4-6, 10-12, ..., ms (paper 004)", min = 0.01, max = 10000) List<Double> delayReqMsB,
        @Param(value = "0.5", doc = "mean of the traffic mask tau_n(t)", min = 0, max = 1) double trafficMaskMean,
        @Param(value = "0.35", doc = "amplitude of the mask's periodic component", min = 0, max = 1) double trafficMaskAmplitude,
        @Param(value = "200", doc = "period of the mask's periodic component, steps", min = 2, max = 10_000_000) int trafficMaskPeriod,
        @Param(value = "0.1", doc = "standard deviation of each cell's AR(1) fluctuation around the mask", min = 0, max = 1) double trafficMaskNoise,
        @Param(value = "0.9", doc = "AR(1) coefficient of that fluctuation per step", min = 0, max = 0.999) double trafficMaskCorrelation,
        @Param(value = "0.5", doc = "probability that a UE moves to a neighbouring grid position in a step", min = 0, max = 1) double moveProbability,
        @Param(value = "6", doc = "neighbouring cells (strongest mean interferers) whose slice loads an agent observes", min = 1, max = 20) int neighbours,
        @Param(value = "3", doc = "fixed-point iterations of the load coupling per step (warm-started)", min = 1, max = 100) int couplingIterations,
        @Param(value = "0.6", doc = "alpha of the attenuated Shannon bound (TR 36.942 A.2: 0.6)", min = 0.1, max = 1.0) double shannonAttenuation,
        @Param(value = "-10.0", doc = "SINR floor, dB (TR 36.942 A.2: -10 dB)", min = -30, max = 10) double minSinrDb,
        @Param(value = "4.4", doc = "spectral-efficiency cap, bit/s/Hz (TR 36.942 A.2: 4.4)", min = 0.1, max = 10) double maxSpectralEfficiency,
        @Param(value = "0.0", doc = "fixed delay added to every packet, ms", min = 0, max = 100) double schedulingDelayMs,
        @Param(value = "100.0", doc = "delay reported for a slice with users but no resources, ms", min = 1, max = 100_000) double maxDelayMs,
        @Param(value = "0", doc = "0 = all cells are agents (parallel multi-agent); k >= 1 = a single-agent view of cell k (1..cells) while every other cell follows the traffic-aware rule", min = 0, max = 3 * 7) int controlledCell
) {

    /** Steps per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 200;

    /** @throws ConfigException naming the field and what it must be */
    public MultiCellConfig {
        packetBytes = List.copyOf(packetBytes);
        throughputReqMbpsA = List.copyOf(throughputReqMbpsA);
        delayReqMsA = List.copyOf(delayReqMsA);
        throughputReqMbpsB = List.copyOf(throughputReqMbpsB);
        delayReqMsB = List.copyOf(delayReqMsB);
        int n = throughputReqMbpsA.size();
        if (n < 1 || n > MultiCellParameters.MAX_SLICES) {
            throw new ConfigException("throughputReqMbpsA", "must list between 1 and " + MultiCellParameters.MAX_SLICES + " slices, got " + n);
        }
        perSlice("packetBytes", packetBytes, n);
        perSlice("delayReqMsA", delayReqMsA, n);
        perSlice("throughputReqMbpsB", throughputReqMbpsB, n);
        perSlice("delayReqMsB", delayReqMsB, n);
        if (neighbours > 3 * sites - 1) {
            throw new ConfigException("neighbours", "must be in [1, " + (3 * sites - 1) + "] (cells - 1 with " + sites
                    + " sites), got " + neighbours);
        }
        if (controlledCell > 3 * sites) {
            throw new ConfigException("controlledCell", "must be in [0, " + 3 * sites + "] (0 or a cell 1..cells with " + sites
                    + " sites), got " + controlledCell);
        }
    }

    private static void perSlice(String name, List<Double> values, int slices) {
        if (values.size() != slices) {
            throw new ConfigException(name, "must have one value per slice (" + slices + ", the length of throughputReqMbpsA), got "
                    + values.size());
        }
    }
}
