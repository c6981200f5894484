/** History: call detail records from the journal, and recording downloads with byte ranges. */
package dev.acd.api.history;
