/**
 * The Asterisk adapter: a FastAGI routing service that lets an Asterisk dialplan hand calls to our router, manager
 * interface (AMI) ingestion that journals those calls' events with Asterisk's timestamps (and, in bring-your-own-queue
 * mode, app_queue's), and a MixMonitor recordings watcher. {@link dev.acd.asterisk.AsteriskRuntime} starts them.
 */
package dev.acd.asterisk;
