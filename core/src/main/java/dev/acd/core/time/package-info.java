/** The clock abstraction: only edges (gateway, simulator driver, tick source) read time; everything else gets it in events. */
package dev.acd.core.time;
