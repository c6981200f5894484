/**
 * The SIP server as the running process assembles it: the sip-gateway stack started on the {@code sip:}
 * configuration, the registrar with the configured credentials, the defence, the built-in echo test line, the
 * place where call control plugs in, and their meters.
 */
package dev.acd.sipserver;
