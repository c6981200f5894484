/** Benchmarks (JMH) and load drivers; each names its scenario and metric and checks its own result. */
package dev.acd.perf;
