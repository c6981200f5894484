/** Commands: what the router asks the call-control side to do. {@link dev.acd.core.command.Command} lists them all. */
package dev.acd.core.command;
