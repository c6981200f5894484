/** Automatic scoring of finished recordings on a worker pool, off the call path, producing {@code QaScored} events. */
package dev.acd.recorder.scoring;
