"""Loss and jitter of RTP streams on the loopback interface, seen from outside the processes under test: a packet
socket (root) reads every UDP datagram on `lo` to or from the echo port, groups them by direction and SSRC, and
computes per stream the packets lost (gaps in the sequence numbers) and the RFC 3550 section 6.4.1 interarrival
jitter, for the stream sent to the echo and for the stream it sent back. Their difference is the jitter the echo
(later: our media relay) added.

    python3 rtpprobe.py ECHO_PORT SECONDS OUT.json [EVERY]
    python3 rtpprobe.py FIRST-LAST SECONDS OUT.json [EVERY]   (a port range: every port in it counts as the echo's)
    python3 rtpprobe.py R1,R2 SECONDS OUT1.json,OUT2.json [EVERY]   (several ranges, one packet socket, a file each)
    python3 rtpprobe.py R1,R2 SECONDS OUT1.json,OUT2.json EVERY SIP_PORT   (and how fast SIP_PORT answers INVITEs)

With SIP_PORT, the same socket also takes every SIP datagram to or from that port and the first output file gets a
"sip" entry: for each INVITE sent to the port (a new Call-ID), the time until the port's first response to it, as the
wire saw it, and how many INVITEs were sent again. A server that answers late shows here even when the callers'
own timers hide it.

The probe is an observer on the same cores as the processes it watches, so it costs them as little as it can: a BPF
filter in the kernel passes only the first bytes of the RTP packets it wants, and with EVERY > 1 only the calls
whose far-end port hashes to a multiple of EVERY (a sample of the calls, all of each sampled stream). Several ranges
share one packet socket: every packet socket on lo is a tap the senders pay for in the kernel. Arrival times are
the kernel's receive timestamps (SO_TIMESTAMPNS), not the moment Python gets round to the packet, so the jitter is
the network's and not the probe's.
"""

import ctypes
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
SO_ATTACH_FILTER = 26
SO_TIMESTAMPNS = 35
SNAP_BYTES = 14 + 60 + 8 + 12
SIP_SNAP_BYTES = 2048  # the whole of a SIP datagram without a body worth reading
HASH = 2654435761  # Knuth's multiplicative hash, 32-bit
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


def _bpf(ranges, every, snap, sip_port=None):
    """A classic BPF program for the packet socket, so that the kernel drops what the probe does not need before it
    is copied to us: outgoing copies (loopback shows each packet twice), non-IPv4, non-UDP, fragments, datagrams with
    no port in any of the ranges, and, when every > 1, the calls not sampled (see _sample; on the port outside the
    ranges, the far end's). Accepted packets are cut to snap bytes: headers are all we read. Datagrams to or from
    sip_port, when given, are all taken whole."""
    LD_W_ABS, LD_H_ABS, LD_B_ABS, LDX_B_MSH, LD_H_IND = 0x20, 0x28, 0x30, 0xB1, 0x48
    ALU_RSH_K, ALU_MUL_K, ALU_MOD_K, JA, JEQ, JGT, JGE, JSET, RET = 0x74, 0x24, 0x94, 0x05, 0x15, 0x25, 0x35, 0x45, 0x06
    PKTTYPE = 0xFFFFF000 + 4  # SKF_AD_OFF + SKF_AD_PKTTYPE
    DPORT, SPORT = 16, 14  # offsets in the UDP header, after X = the IPv4 header's length
    prog = [  # (code, jt, jf, k) with jumps as labels, resolved below
        (LD_W_ABS, 0, 0, PKTTYPE), (JEQ, "drop", 0, PACKET_OUTGOING),
        (LD_H_ABS, 0, 0, 12), (JEQ, 0, "drop", 0x0800),
        (LD_B_ABS, 0, 0, 23), (JEQ, 0, "drop", 17),
        (LD_H_ABS, 0, 0, 20), (JSET, "drop", 0, 0x1FFF),
        (LDX_B_MSH, 0, 0, 14),
    ]
    if sip_port:
        prog += [(LD_H_IND, 0, 0, SPORT), (JEQ, "sip", 0, sip_port), (LD_H_IND, 0, 0, DPORT), (JEQ, "sip", 0, sip_port)]
    # the destination in a range: sample on the source (the far end); else the source in a range: on the destination
    for port, far in ((DPORT, "far-sport"), (SPORT, "far-dport")):
        prog.append((LD_H_IND, 0, 0, port))
        for i, (first, last) in enumerate(ranges):
            nxt = f"{port}-{i + 1}"
            prog += [(JGE, 0, nxt, first), (JGT, nxt, far, last), nxt]
    prog += [
        (RET, 0, 0, 0),
        "far-sport", (LD_H_IND, 0, 0, SPORT), (JA, 0, 0, "sample"),
        "far-dport", (LD_H_IND, 0, 0, DPORT),
        "sample", (ALU_RSH_K, 0, 0, 1), (ALU_MUL_K, 0, 0, HASH), (ALU_RSH_K, 0, 0, 16), (ALU_MOD_K, 0, 0, every),
        (JEQ, 0, "drop", 0),
        (RET, 0, 0, snap),
        "drop", (RET, 0, 0, 0),
        "sip", (RET, 0, 0, SIP_SNAP_BYTES),
    ]
    labels, code = {}, []
    for item in prog:
        if isinstance(item, str):
            labels[item] = len(code)
        else:
            code.append(item)

    def rel(target, at):
        return target if isinstance(target, int) else labels[target] - at - 1

    out = b""
    for at, (op, jt, jf, k) in enumerate(code):
        if op == JA:
            k = rel(k, at)
        out += struct.pack("HBBI", op, rel(jt, at), rel(jf, at), k)
    return out, len(code)


def _sample(port, every):
    """Nonzero for a call the filter leaves out: the same hash as the BPF program's (ports come in pairs, and a call's
    legs sit next to each other, so a plain modulo would sample one kind of leg)."""
    return ((((port >> 1) * HASH) & 0xFFFFFFFF) >> 16) % every


def _attach(s, program, count):
    buf = ctypes.create_string_buffer(program)

    class FProg(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = FProg(count, ctypes.addressof(buf))
    s.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, bytes(ctypes.string_at(ctypes.addressof(fprog),
                                                                             ctypes.sizeof(fprog))))
    return buf  # keep alive while attaching (the kernel copies it)


class SipTimes:
    """INVITEs sent to the SIP port and the port's first response to each, by Call-ID, in kernel time."""

    def __init__(self):
        self.invited = {}  # Call-ID -> first INVITE's arrival
        self.answered = {}  # Call-ID -> first response's arrival
        self.resent = 0

    def add(self, to_port, payload, arrival):
        head = payload.split(b"\r\n\r\n", 1)[0]
        call_id = _header(head, (b"call-id", b"i"))
        if call_id is None:
            return
        if to_port and head.startswith(b"INVITE "):
            if call_id in self.invited:
                self.resent += 1
            else:
                self.invited[call_id] = arrival
        elif not to_port and head.startswith(b"SIP/2.0 ") and call_id in self.invited \
                and call_id not in self.answered and (_header(head, (b"cseq",)) or b"").endswith(b"INVITE"):
            self.answered[call_id] = arrival

    def summary(self):
        waits = sorted(1000 * (self.answered[c] - t) for c, t in self.invited.items() if c in self.answered)
        at = lambda q: waits[min(len(waits) - 1, int(q * len(waits)))] if waits else None
        return {"invites": len(self.invited), "unanswered": len(self.invited) - len(waits), "resent": self.resent,
                "first_response_ms_p50": at(0.5), "first_response_ms_p99": at(0.99),
                "first_response_ms_max": waits[-1] if waits else None}


def _header(head, names):
    for line in head.split(b"\r\n")[1:]:
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() in names:
            return value.strip()
    return None


def capture(ranges, seconds, every=1, sip_port=None):
    """Per range: (streams sent to a port in it, streams sent from one) by SSRC; the kernel's drop count; and, with
    sip_port, the port's INVITE answer times (SipTimes)."""
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    program, count = _bpf(ranges, every, SNAP_BYTES, sip_port)
    _attach(s, program, count)
    s.bind(("lo", 0))
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    try:
        s.setsockopt(socket.SOL_SOCKET, 33, 64 * 1024 * 1024)  # SO_RCVBUFFORCE
    except OSError:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024 * 1024)
    tables = [({}, {}) for _ in ranges]
    sip = SipTimes()
    anc = socket.CMSG_SPACE(16)
    # Python allocates the whole buffer for each read: only as much as the largest packet the filter passes.
    size = SIP_SNAP_BYTES if sip_port else SNAP_BYTES
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
                data, ancdata, _, addr = s.recvmsg(size, anc, socket.MSG_DONTWAIT)
            except BlockingIOError:
                break
            if addr[2] == PACKET_OUTGOING:
                continue  # the filter drops these; a packet from before it was attached may still come
            # Ethernet (14) + IPv4 (ihl) + UDP (8) + RTP (12)
            if len(data) < 14 + 20 + 8 + 12 or data[12:14] != b"\x08\x00" or data[14 + 9] != 17:
                continue
            ihl = (data[14] & 0x0F) * 4
            u = 14 + ihl
            if len(data) < u + 8 + 12:
                continue
            sport, dport = struct.unpack("!HH", data[u:u + 4])
            if sip_port and sip_port in (sport, dport):
                sip.add(dport == sip_port, data[u + 8:], _kernel_time(ancdata))
                continue
            hit = _range_of(ranges, dport)
            to_echo = hit is not None
            if not to_echo:
                hit = _range_of(ranges, sport)
                if hit is None:
                    continue
            if _sample(sport if to_echo else dport, every):
                continue  # not a sampled call (from before the filter was attached)
            rtp = data[u + 8:]
            if rtp[0] >> 6 != 2:
                continue
            arrival = _kernel_time(ancdata)
            seq, ts, ssrc = struct.unpack("!HII", rtp[2:12])
            table = tables[hit][0 if to_echo else 1]
            table.setdefault(ssrc, Stream()).add(seq, ts, arrival)
    stats = s.getsockopt(SOL_PACKET, PACKET_STATISTICS, 8)
    packets, drops = struct.unpack("II", stats)
    s.close()
    return tables, drops, sip


def _range_of(ranges, port):
    for i, (first, last) in enumerate(ranges):
        if first <= port <= last:
            return i
    return None


def _kernel_time(ancdata):
    for level, kind, value in ancdata:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
            sec, nsec = struct.unpack("qq", value[:16])
            return sec + nsec / 1e9
    return time.time()


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
    ranges = []
    for r in sys.argv[1].split(","):
        first, _, last = r.partition("-")
        ranges.append((int(first), int(last or first)))
    seconds, outs = float(sys.argv[2]), sys.argv[3].split(",")
    if len(outs) != len(ranges):
        sys.exit(f"rtpprobe: {len(ranges)} port ranges but {len(outs)} output files")
    every = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    sip_port = int(sys.argv[5]) if len(sys.argv) > 5 else None
    cpu0 = time.process_time()
    tables, drops, sip = capture(ranges, seconds, every, sip_port)
    cpu = time.process_time() - cpu0
    for out, (sent, echoed) in zip(outs, tables):
        # the one socket's drops and CPU are reported with the first range only, so that sums stay right
        first = out == outs[0]
        report = {"sent": summary(sent), "echoed": summary(echoed), "capture_drops": drops if first else 0,
                  "every": every, "cpu_s": cpu if first else 0.0}
        if first and sip_port:
            report["sip"] = sip.summary()
        with open(out, "w") as f:
            json.dump(report, f)


if __name__ == "__main__":
    main()
