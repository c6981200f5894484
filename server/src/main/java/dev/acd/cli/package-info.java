/** The {@code acd} command line: simulate, check a configuration, print statistics, explain a routing decision. */
package dev.acd.cli;
