/** The supervisor and rep HTTP + WebSocket API: {@link dev.acd.api.ApiServer} and its routes. */
package dev.acd.api;
