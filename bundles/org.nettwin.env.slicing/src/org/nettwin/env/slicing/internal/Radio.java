package org.nettwin.env.slicing.internal;

/**
 * Link-budget formulas shared by both scenarios. All powers are in dBm or mW, distances in the
 * unit each model names; the README lists every source.
 */
final class Radio {

    /** Thermal noise power spectral density at 290 K, dBm/Hz. */
    static final double THERMAL_NOISE_DBM_PER_HZ = -174.0;

    private Radio() {
    }

    /** @return {@code dbm} in milliwatts */
    static double dbmToMilliwatts(double dbm) {
        return Math.pow(10.0, dbm / 10.0);
    }

    /** @return the ratio {@code db} as a linear factor */
    static double dbToLinear(double db) {
        return Math.pow(10.0, db / 10.0);
    }

    /** @return thermal noise over {@code bandwidthHz} behind a receiver with {@code noiseFigureDb}, in dBm */
    static double noiseDbm(double bandwidthHz, double noiseFigureDb) {
        return THERMAL_NOISE_DBM_PER_HZ + 10.0 * Math.log10(bandwidthHz) + noiseFigureDb;
    }

    /**
     * Log-distance path loss {@code intercept + slope * log10(d / km)} in dB, the form of 3GPP
     * TR 36.814 Table A.2.1.1.2-3 (pico to UE, NLOS: 145.4 + 37.5 log10 R).
     */
    static double logDistancePathLoss(double interceptDb, double slopeDb, double distanceKm) {
        return interceptDb + slopeDb * Math.log10(distanceKm);
    }

    /**
     * WINNER+ / WINNER II C2 urban macro NLOS path loss in dB (IST-WINNER D1.1.2, Table 4-4):
     * {@code (44.9 - 6.55 log10 hBS) log10 d + 34.46 + 5.83 log10 hBS + 23 log10(fc / 5)}, with
     * {@code d} in metres and {@code fc} in GHz.
     */
    static double winnerUrbanMacroNlos(double distanceM, double bsHeightM, double carrierGHz) {
        double h = Math.log10(bsHeightM);
        return (44.9 - 6.55 * h) * Math.log10(distanceM) + 34.46 + 5.83 * h + 23.0 * Math.log10(carrierGHz / 5.0);
    }

    /**
     * Horizontal sector antenna attenuation of 3GPP TR 36.814 Table A.2.1.1-2,
     * {@code -min(12 (theta / theta3dB)^2, Am)} in dB.
     *
     * @param offBoresightDeg angle from the boresight, any sign, in degrees
     */
    static double sectorAttenuationDb(double offBoresightDeg, double beamwidthDeg, double frontToBackDb) {
        double theta = Math.IEEEremainder(offBoresightDeg, 360.0);
        double r = theta / beamwidthDeg;
        return -Math.min(12.0 * r * r, frontToBackDb);
    }

    /**
     * Spectral efficiency of a link, bit/s/Hz: the attenuated and truncated Shannon bound of
     * 3GPP TR 36.942 Annex A.2, {@code min(seMax, alpha log2(1 + max(sinr, sinrMin)))}. Clamping
     * at {@code sinrMin} (instead of TR 36.942's zero rate) keeps loads finite: a user at the
     * floor is served at the lowest rate.
     */
    static double spectralEfficiency(double sinr, double alpha, double sinrMin, double seMax) {
        double s = sinr > sinrMin ? sinr : sinrMin;
        double se = alpha * log2(1.0 + s);
        return se < seMax ? se : seMax;
    }

    /**
     * Base-2 logarithm of a positive normal {@code x}, from its exponent bits and the atanh series
     * of the mantissa {@code m} in [1, 2): {@code log2 m = 2/ln2 * atanh((m-1)/(m+1))}, to the
     * 17th power (absolute error below 1e-8). Branch-free; it replaces {@link Math#log} in the
     * per-step loops, where the logarithm dominated the cost.
     */
    static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7FF) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        double t = (m - 1.0) / (m + 1.0);
        double t2 = t * t;
        double series = t * (1.0 + t2 * (1.0 / 3 + t2 * (1.0 / 5 + t2 * (1.0 / 7 + t2 * (1.0 / 9 + t2 * (1.0 / 11
                + t2 * (1.0 / 13 + t2 * (1.0 / 15 + t2 * (1.0 / 17)))))))));
        return exponent + TWO_OVER_LN2 * series;
    }

    private static final double TWO_OVER_LN2 = 2.0 / Math.log(2.0);
}
