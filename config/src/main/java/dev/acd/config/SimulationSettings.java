package dev.acd.config;

import java.time.LocalTime;
import java.util.Map;

/**
 * What the simulator needs to play a believable day against the configured center. All durations are in seconds,
 * probabilities from 0 to 1, and times of day are in the center's time zone ({@link AcdConfig#zone()}).
 *
 * @param seed                 seed of the simulator's random numbers, so a run can be repeated
 * @param arrivalsPerHour      line id to calls per hour at daily-profile weight 1.0; lines not listed get no calls
 * @param dailyProfile         hourly weights that shape arrivals over the day
 * @param talkTime             talk time of an answered call
 * @param wrapTime             after-call work the rep actually takes (the queue's wrap-up time caps it)
 * @param holdProbability      chance a call is put on hold once
 * @param meanHoldSeconds      mean length of a hold, exponential
 * @param answerDelay          time from ringing to the rep picking up
 * @param noAnswerProbability  chance an offered call rings until the ring timeout
 * @param rejectProbability    chance the rep declines an offered call
 * @param breaksPerRepPerDay   breaks each rep takes in a shift (not ready, reason "break")
 * @param breakMeanSeconds     mean break length, exponential
 * @param patienceMeanSeconds  mean time a caller waits in queue before hanging up, exponential
 * @param dispositionMix       outcome code to the share of handled calls that end with it; shares sum to 1
 * @param revenueMeans         outcome code to the mean revenue, in whole currency units, of a call with that outcome
 * @param shiftStart           when reps log in
 * @param shiftEnd             when reps log out
 */
public record SimulationSettings(long seed, Map<String, Double> arrivalsPerHour, DailyProfile dailyProfile,
                                 Distribution talkTime, Distribution wrapTime, double holdProbability,
                                 double meanHoldSeconds, Distribution answerDelay, double noAnswerProbability,
                                 double rejectProbability, int breaksPerRepPerDay, double breakMeanSeconds,
                                 double patienceMeanSeconds, Map<String, Double> dispositionMix,
                                 Map<String, Double> revenueMeans, LocalTime shiftStart, LocalTime shiftEnd) {
    public SimulationSettings {
        arrivalsPerHour = Map.copyOf(arrivalsPerHour);
        dispositionMix = Map.copyOf(dispositionMix);
        revenueMeans = Map.copyOf(revenueMeans);
    }

    /** Calls per hour on a line at an hour of the day: the line's rate times the profile's weight. */
    public double arrivalRate(String lineId, int hour) {
        return arrivalsPerHour.getOrDefault(lineId, 0.0) * dailyProfile.weight(hour);
    }
}
