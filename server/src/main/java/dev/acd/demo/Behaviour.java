package dev.acd.demo;

import dev.acd.config.Distribution;
import dev.acd.config.SimulationSettings;
import java.util.random.RandomGenerator;

/**
 * How the simulated parties behave, drawn from the configuration's {@code simulation:} section (the same settings
 * {@code acd simulate} uses) and compressed by the demo's {@link Pace}. Every method returns real milliseconds.
 */
record Behaviour(SimulationSettings traffic, Pace pace) {
    long answerDelayMs(RandomGenerator random) {
        return pace.ms(traffic.answerDelay().sample(random));
    }

    long talkMs(RandomGenerator random) {
        return pace.ms(traffic.talkTime().sample(random));
    }

    long wrapMs(RandomGenerator random) {
        return pace.ms(traffic.wrapTime().sample(random));
    }

    /** Zero when the call is not held; else how long the hold lasts. */
    long holdMs(RandomGenerator random) {
        return random.nextDouble() < traffic.holdProbability()
                ? pace.ms(Distribution.exponential(traffic.meanHoldSeconds()).sample(random)) : 0;
    }

    /** How long a caller waits in the queue before hanging up; Long.MAX_VALUE when callers never give up. */
    long patienceMs(RandomGenerator random) {
        return traffic.patienceMeanSeconds() > 0
                ? pace.ms(Distribution.exponential(traffic.patienceMeanSeconds()).sample(random)) : Long.MAX_VALUE;
    }

    /** What a ringing rep does: answer, let it ring, or decline. */
    Pickup pickup(RandomGenerator random) {
        double roll = random.nextDouble();
        if (roll < traffic.noAnswerProbability()) {
            return Pickup.NO_ANSWER;
        }
        return roll < traffic.noAnswerProbability() + traffic.rejectProbability() ? Pickup.REJECT : Pickup.ANSWER;
    }

    enum Pickup {
        ANSWER,
        NO_ANSWER,
        REJECT
    }
}
