"""Loss and jitter of RTP streams on the loopback interface, seen from outside the processes under test: a packet
socket (root) reads every UDP datagram on `lo` to or from the echo port, groups them by direction and SSRC, and
computes per stream the packets lost (gaps in the sequence numbers) and the RFC 3550 section 6.4.1 interarrival
jitter, for the stream sent to the echo and for the stream it sent back. Their difference is the jitter the echo
(later: our media relay) added.

    python3 rtpprobe.py ECHO_PORT SECONDS OUT.json
    python3 rtpprobe.py FIRST-LAST SECONDS OUT.json    (a port range: every port in it counts as the echo's)
"""

import json
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
SOL_PACKET = 263
PACKET_STATISTICS = 6
CLOCK_HZ = 8000  # G.711


class Stream:
    def __init__(self):
        self.first_seq = None
        self.max_ext = None
        self.received = 0
        self.jitter = 0.0  # in timestamp units
        self.prev_transit = None
        self.cycles = 0
        self.last_seq = None

    def add(self, seq, ts, arrival_s):
        self.received += 1
        if self.first_seq is None:
            self.first_seq = seq
            self.max_ext = seq
            self.last_seq = seq
        else:
            if seq < self.last_seq and self.last_seq - seq > 30000:
                self.cycles += 65536
            self.last_seq = seq
            self.max_ext = max(self.max_ext, self.cycles + seq)
        transit = arrival_s * CLOCK_HZ - ts
        if self.prev_transit is not None:
            d = abs(transit - self.prev_transit)
            self.jitter += (d - self.jitter) / 16
        self.prev_transit = transit

    def expected(self):
        return 0 if self.first_seq is None else self.max_ext - self.first_seq + 1


def capture(ports, seconds):
    first, last = ports
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind(("lo", 0))
    try:
        s.setsockopt(socket.SOL_SOCKET, 33, 64 * 1024 * 1024)  # SO_RCVBUFFORCE
    except OSError:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024 * 1024)
    sent, echoed = {}, {}
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            break
        r, _, _ = select.select([s], [], [], min(left, 0.5))
        if not r:
            continue
        while True:
            try:
                data, addr = s.recvfrom(2048, socket.MSG_DONTWAIT)
            except BlockingIOError:
                break
            if addr[2] == PACKET_OUTGOING:
                continue  # loopback shows each packet twice; keep the receiving copy
            now = time.monotonic()
            # Ethernet (14) + IPv4 (ihl) + UDP (8) + RTP (12)
            if len(data) < 14 + 20 + 8 + 12 or data[12:14] != b"\x08\x00" or data[14 + 9] != 17:
                continue
            ihl = (data[14] & 0x0F) * 4
            u = 14 + ihl
            sport, dport = struct.unpack("!HH", data[u:u + 4])
            to_echo = first <= dport <= last
            if not to_echo and not first <= sport <= last:
                continue
            rtp = data[u + 8:]
            if rtp[0] >> 6 != 2:
                continue
            seq, ts, ssrc = struct.unpack("!HII", rtp[2:12])
            table = sent if to_echo else echoed
            table.setdefault(ssrc, Stream()).add(seq, ts, now)
    stats = s.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8)
    packets, drops = struct.unpack("II", stats)
    s.close()
    return sent, echoed, drops


def summary(streams):
    if not streams:
        return {"streams": 0, "packets": 0, "lost": 0, "loss_pct": 0.0, "jitter_ms_mean": None,
                "jitter_ms_max": None}
    expected = sum(s.expected() for s in streams.values())
    received = sum(s.received for s in streams.values())
    jit = [1000 * s.jitter / CLOCK_HZ for s in streams.values()]
    lost = max(0, expected - received)
    return {"streams": len(streams), "packets": received, "lost": lost,
            "loss_pct": 100.0 * lost / expected if expected else 0.0,
            "jitter_ms_mean": sum(jit) / len(jit), "jitter_ms_max": max(jit)}


def main():
    first, _, last = sys.argv[1].partition("-")
    port = (int(first), int(last or first))
    seconds, out = float(sys.argv[2]), sys.argv[3]
    sent, echoed, drops = capture(port, seconds)
    with open(out, "w") as f:
        json.dump({"sent": summary(sent), "echoed": summary(echoed), "capture_drops": drops}, f)


if __name__ == "__main__":
    main()
