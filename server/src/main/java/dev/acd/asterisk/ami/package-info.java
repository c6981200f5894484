/** Manager-interface (AMI) ingestion: the connection with back-off, and the translation of Asterisk's events to ours. */
package dev.acd.asterisk.ami;
