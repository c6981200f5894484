/** How a configuration is read and checked: YAML nodes and CSV rows to domain records, collecting every problem. Not API. */
package dev.acd.config.internal;
