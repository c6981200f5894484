/** Tools the test suites share: SIPp as an independent SIP peer, and free loopback ports. */
package dev.acd.testkit;
