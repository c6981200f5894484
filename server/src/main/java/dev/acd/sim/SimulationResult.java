package dev.acd.sim;

/**
 * What a simulation run did.
 *
 * @param calls      inbound calls generated
 * @param events     events journaled (inputs and decisions)
 * @param wrapUps    wrap-ups started
 * @param wallNanos  how long the run took on this machine
 */
public record SimulationResult(long fromAt, long toAt, long calls, long events, long wrapUps, long wallNanos) {

    /** Simulated time per second of wall time. */
    public double speedUp() {
        return wallNanos == 0 ? 0 : (toAt - fromAt) * 1e6 / wallNanos;
    }

    /** Mutable counters while a run goes on. */
    static final class Counter {
        long calls;
        long events;
        long wrapUps;

        SimulationResult result(long fromAt, long toAt, long wallNanos) {
            return new SimulationResult(fromAt, toAt, calls, events, wrapUps, wallNanos);
        }
    }
}
