package dev.acd.sip.transport;

import dev.acd.sip.message.SipMessage;
import java.net.InetSocketAddress;

/** A message to write and where to; on a TCP connection {@code remote} is the connection's peer and is not used. */
public record OutgoingMessage(SipMessage message, InetSocketAddress remote) {
}
