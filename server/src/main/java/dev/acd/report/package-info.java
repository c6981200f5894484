/** Statistics queries shared by {@code acd stats} and the HTTP API: groupings, time ranges, reports as documents. */
package dev.acd.report;
