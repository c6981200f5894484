/**
 * Statistics from the journal: the {@link dev.acd.core.stats.StatsProjection} of call and rep figures by group and
 * interval, live {@link dev.acd.core.stats.StatsMeters} for Micrometer, and {@link dev.acd.core.stats.ErlangC} staffing math.
 */
package dev.acd.core.stats;
