package org.nettwin.env.uav.internal;

import java.util.List;

import org.nettwin.api.config.Config;
import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.ConfigSchema;

/**
 * The validated parameters of {@code uav/Trajectories-v1}. Defaults come from the multi-UAV case
 * study of Cheng et al. (10 users, 4 UAVs from one hangar, p = 100 mW, -174 dBm/Hz, 5 m, 8 m/s);
 * what the paper leaves open (bandwidth, carrier, area, step length, action set) has documented
 * defaults, see the bundle README.
 *
 * @param mode            {@code parallel} (one agent per UAV) or {@code joint} (one agent, MultiDiscrete)
 * @param users           number of ground users
 * @param uavs            number of UAVs
 * @param areaSide        side of the square service area, metres
 * @param height          UAV flight height, metres
 * @param speed           UAV speed, m/s
 * @param stepSeconds     duration of one decision step, seconds
 * @param powerMw         transmit power per user link, mW
 * @param noiseDbmPerHz   noise power spectral density, dBm/Hz
 * @param bandwidthHz     OFDM bandwidth given to each user, Hz
 * @param carrierHz       carrier frequency, Hz
 * @param antennaGainDb   sum of transmit and receive antenna gains, dB
 * @param headings        number of compass headings a UAV can fly (plus hover)
 * @param steps           decision steps per episode (then truncated)
 * @param hangarX         hangar x, metres
 * @param hangarY         hangar y, metres
 * @param userSpeed       ground users' random-walk speed, m/s (0 = static users)
 * @param perEpisodeUsers whether user positions are redrawn at every reset (else drawn once at creation)
 */
public record UavParameters(String mode, int users, int uavs, double areaSide, double height, double speed, double stepSeconds,
        double powerMw, double noiseDbmPerHz, double bandwidthHz, double carrierHz, double antennaGainDb, int headings, int steps,
        double hangarX, double hangarY, double userSpeed, boolean perEpisodeUsers) {

    /** The typed configuration schema, with defaults and ranges. */
    public static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .choiceParam("mode", "parallel", List.of("parallel", "joint"),
                    "parallel: one agent per UAV (PettingZoo parallel); joint: one agent choosing every UAV's move (MultiDiscrete)")
            .intParam("users", 10, 1, 1000, "ground users without a base station (paper: 10)")
            .intParam("uavs", 4, 1, 64, "UAVs acting as flying access points (paper: M = 4)")
            .doubleParam("areaSide", 100.0, 10.0, 100_000.0,
                    "side of the square area in metres (paper lists N = 100 without a unit; read here as the area side)")
            .doubleParam("height", 5.0, 1.0, 1_000.0, "UAV flight height in metres (paper: 5 m)")
            .doubleParam("speed", 8.0, 0.1, 100.0, "UAV speed in m/s (paper: 8 m/s)")
            .doubleParam("stepSeconds", 1.0, 0.01, 60.0, "duration of one decision step in seconds: a move covers speed x stepSeconds")
            .doubleParam("powerMw", 100.0, 0.001, 100_000.0, "transmit power per user link in mW (paper: p = 100 mW)")
            .doubleParam("noiseDbmPerHz", -174.0, -220.0, -100.0, "noise power spectral density in dBm/Hz (paper: -174 dBm/Hz)")
            .doubleParam("bandwidthHz", 1.0e6, 1.0e3, 1.0e9, "OFDM bandwidth of each user's subchannel in Hz (paper silent; 1 MHz)")
            .doubleParam("carrierHz", 2.4e9, 1.0e8, 1.0e11, "carrier frequency in Hz for the Friis free-space loss (paper silent; 2.4 GHz)")
            .doubleParam("antennaGainDb", 0.0, -20.0, 60.0, "transmit plus receive antenna gain in dB (isotropic: 0)")
            .intParam("headings", 8, 2, 64, "compass headings a UAV can fly; action 0 hovers, action k flies heading (k-1) x 360/headings degrees")
            .intParam("steps", 100, 1, 1_000_000, "decision steps per episode; the episode is truncated after them")
            .doubleListParam("hangar", List.of(0.0, 0.0), 0.0, 100_000.0, "[x, y] of the hangar every UAV starts from, metres, inside the area")
            .doubleParam("userSpeed", 0.0, 0.0, 50.0, "ground users' random-walk speed in m/s (0: static users, as in the paper)")
            .choiceParam("userLayout", "fixed", List.of("fixed", "perEpisode"),
                    "fixed: users placed uniformly once, from the creation seed; perEpisode: redrawn at every reset from the episode seed")
            .build();

    /** Validates the record's own invariants (the schema checks single fields). */
    public UavParameters {
        if (hangarX < 0 || hangarX > areaSide || hangarY < 0 || hangarY > areaSide) {
            throw new ConfigException("hangar", "must lie inside the area [0, " + areaSide + "] x [0, " + areaSide + "], got ["
                    + hangarX + ", " + hangarY + "]");
        }
    }

    /**
     * Reads a validated configuration.
     *
     * @throws ConfigException naming the field when the hangar is not two coordinates inside the area
     */
    public static UavParameters of(Config c) {
        double[] hangar = c.getDoubles("hangar");
        if (hangar.length != 2) {
            throw new ConfigException("hangar", "must be two numbers [x, y], got " + hangar.length);
        }
        return new UavParameters(c.getString("mode"), c.getInt("users"), c.getInt("uavs"), c.getDouble("areaSide"),
                c.getDouble("height"), c.getDouble("speed"), c.getDouble("stepSeconds"), c.getDouble("powerMw"),
                c.getDouble("noiseDbmPerHz"), c.getDouble("bandwidthHz"), c.getDouble("carrierHz"), c.getDouble("antennaGainDb"),
                c.getInt("headings"), c.getInt("steps"), hangar[0], hangar[1], c.getDouble("userSpeed"),
                c.getString("userLayout").equals("perEpisode"));
    }

    /** @return whether the parallel multi-agent form was asked for */
    public boolean parallel() {
        return mode.equals("parallel");
    }

    /** @return the distance a UAV covers in one step, metres */
    public double moveDistance() {
        return speed * stepSeconds;
    }
}
