/** Call classification: from the dialled line and the caller's number to segment, priority, queue and skills. */
package dev.acd.core.call;
