/** The fan-out of the router's commands to the call control that owns each call (SIP gateway, Asterisk adapter). */
package dev.acd.commands;
