/** The center's configuration: YAML (and a customers CSV) to a validated {@link dev.acd.config.AcdConfig}, with every problem located. */
package dev.acd.config;
