/** HTTP digest algorithms (RFC 7616), shared by the configuration's stored hashes and the SIP registrar. */
package dev.acd.core.digest;
