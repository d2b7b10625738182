package org.nettwin.env.uav.internal;

import java.util.List;

import org.nettwin.api.config.ConfigException;
import org.nettwin.api.config.Param;

/**
 * The configuration of {@code uav/Trajectories-v1}, each parameter declared once. Defaults come
 * from the multi-UAV case study of Cheng et al. (10 users, 4 UAVs from one hangar, p = 100 mW,
 * -174 dBm/Hz, 5 m, 8 m/s); what the paper leaves open has documented defaults (bundle README).
 * Episodes are truncated by the scenario's {@code timeLimit}, 100 steps by default; the
 * observation's clock runs over {@code clockSteps}, the same 100 by default.
 */
public record UavConfig(
        @Param(value = "parallel", doc = "parallel: one agent per UAV (PettingZoo parallel); joint: one agent choosing every UAV's move (MultiDiscrete)", choices = {"parallel", "joint"}) String mode,
        @Param(value = "10", doc = "ground users without a base station (paper: 10)", min = 1, max = 1000) int users,
        @Param(value = "4", doc = "UAVs acting as flying access points (paper: M = 4)", min = 1, max = 64) int uavs,
        @Param(value = "100.0", doc = "side of the square area in metres (paper lists N = 100 without a unit; read here as the area side)", min = 10.0, max = 100_000.0) double areaSide,
        @Param(value = "5.0", doc = "UAV flight height in metres (paper: 5 m)", min = 1.0, max = 1_000.0) double height,
        @Param(value = "8.0", doc = "UAV speed in m/s (paper: 8 m/s)", min = 0.1, max = 100.0) double speed,
        @Param(value = "1.0", doc = "duration of one decision step in seconds: a move covers speed x stepSeconds", min = 0.01, max = 60.0) double stepSeconds,
        @Param(value = "100.0", doc = "transmit power per user link in mW (paper: p = 100 mW)", min = 0.001, max = 100_000.0) double powerMw,
        @Param(value = "-174.0", doc = "noise power spectral density in dBm/Hz (paper: -174 dBm/Hz)", min = -220.0, max = -100.0) double noiseDbmPerHz,
        @Param(value = "1.0e6", doc = "OFDM bandwidth of each user's subchannel in Hz (paper silent; 1 MHz)", min = 1.0e3, max = 1.0e9) double bandwidthHz,
        @Param(value = "2.4e9", doc = "carrier frequency in Hz for the Friis free-space loss (paper silent; 2.4 GHz)", min = 1.0e8, max = 1.0e11) double carrierHz,
        @Param(value = "0.0", doc = "transmit plus receive antenna gain in dB (isotropic: 0)", min = -20.0, max = 60.0) double antennaGainDb,
        @Param(value = "8", doc = "compass headings a UAV can fly; action 0 hovers, action k flies heading (k-1) x 360/headings degrees", min = 2, max = 64) int headings,
        @Param(value = "100", doc = "steps over which the observation's elapsed-time feature rises from 0 to 1 (then stays 1); the default "
                + "episode length", min = 1, max = 1_000_000) int clockSteps,
        @Param(value = "[0.0, 0.0]", doc = "[x, y] of the hangar every UAV starts from, metres, inside the area", min = 0.0, max = 100_000.0) List<Double> hangar,
        @Param(value = "0.0", doc = "ground users' random-walk speed in m/s (0: static users, as in the paper)", min = 0.0, max = 50.0) double userSpeed,
        @Param(value = "fixed", doc = "fixed: users placed uniformly once, from the creation seed; perEpisode: redrawn at every reset from the episode seed", choices = {"fixed", "perEpisode"}) String userLayout) {

    /** Decision steps per episode unless the experiment sets {@code timeLimit}. */
    static final long DEFAULT_TIME_LIMIT = 100;

    /** @throws ConfigException naming the field when the hangar is not two coordinates inside the area */
    public UavConfig {
        hangar = List.copyOf(hangar);
        if (hangar.size() != 2) {
            throw new ConfigException("hangar", "must be two numbers [x, y], got " + hangar.size());
        }
        double x = hangar.get(0);
        double y = hangar.get(1);
        if (x < 0 || x > areaSide || y < 0 || y > areaSide) {
            throw new ConfigException("hangar", "must lie inside the area [0, " + areaSide + "] x [0, " + areaSide + "], got [" + x + ", " + y
                    + "]");
        }
    }
}
