"""The media scenario, SIPp side: SIPp callers stream G.711 u-law (rtp_stream, 20 ms packets, one port and SSRC per
call) to a SIPp answerer that echoes every packet back (-rtp_echo), holding N calls at once; rtpprobe.py watches the
loopback interface and reports loss and jitter of the streams going in and coming back. When the server relays and
records media, the same callers and probe go through it (the answerer's echo stands for the rep's phone).

Needs root for the packet socket; without it the scenario says so and measures nothing."""

import json
import math
import os
import subprocess
import sys
import time

import proc
import sipp

UAS_PORT = 5401
ECHO_PORT = 16000
CALLER_MEDIA_PORT = 18000


def write_tone(path, seconds=1):
    """A 440 Hz tone in G.711 u-law (ITU-T G.711 segment encoding), raw bytes at 8 kHz."""
    def ulaw(x):
        sign = 0x80 if x < 0 else 0
        x = min(abs(x), 32635) + 0x84
        exponent = 7
        while exponent > 0 and not x & (0x4000 >> (7 - exponent)):
            exponent -= 1
        mantissa = (x >> (exponent + 3)) & 0x0F
        return ~(sign | (exponent << 4) | mantissa) & 0xFF
    with open(path, "wb") as f:
        f.write(bytes(ulaw(int(8000 * math.sin(2 * math.pi * 440 * n / 8000))) for n in range(8000 * seconds)))


def scenario(plan, workdir, log):
    import loadrun
    result = loadrun.ScenarioResult("media", "Media: SIPp callers streaming G.711 -> SIPp answerer echoing RTP",
                                    "SIPp echo answerer")
    if os.geteuid() != 0:
        result.status = "not run: the RTP probe needs root for a packet socket on lo"
        return result
    levels = [50] if plan.quick else [100, 300]
    hold_s = 5 if plan.quick else 12
    ramp_s = 2 if plan.quick else 4
    callers = os.path.join(workdir, "callers.csv")
    sipp.write_callers(callers, ["+15550100001"])
    answerers = sipp.Answerers(os.path.join(workdir, "answerers"), [UAS_PORT],
                               extra=("-mp", str(ECHO_PORT), "-rtp_echo"))
    result.commands.append(answerers.command)
    result.extra_header = ("| calls at once | calls ok / failed | streams seen | packets to the echo | lost on the way "
                           "in | lost in the echo | jitter in, mean / max ms | jitter back, mean / max ms | added "
                           "jitter, mean ms | probe drops, CPU % | echo CPU % | echo MiB |\n"
                           "|---:|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|")
    try:
        for n in levels:
            d = os.path.join(workdir, f"calls-{n}")
            os.makedirs(d, exist_ok=True)
            write_tone(os.path.join(d, "tone.pcmu"))
            probe_out = os.path.join(d, "probe.json")
            window = ramp_s + hold_s + 3
            probe = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "rtpprobe.py"),
                                      str(ECHO_PORT), str(window), probe_out])
            time.sleep(0.3)
            group = answerers.group()
            cpu0, t0, peak = group.cpu(), time.monotonic(), 0
            cmd = ["sipp", f"{sipp.LOCAL}:{UAS_PORT}", "-sf", sipp.scenario("uac-media.xml"), "-key", "target",
                   f"{sipp.LOCAL}:{UAS_PORT}", "-s", "rep", "-inf", callers, "-i", sipp.LOCAL, "-p", "0",
                   "-mp", str(CALLER_MEDIA_PORT), "-r", f"{n / ramp_s:g}", "-m", str(n), "-d", str(hold_s * 1000),
                   "-recv_timeout", "5000", "-trace_stat", "-stf", "stat.csv", "-trace_err", "-error_file",
                   "errors.log", "-nostdin", "-buff_size", sipp.BUFFER_BYTES]
            if not result.commands[1:]:
                result.commands.append(" ".join(sipp._shown(cmd)) + "   # with tone.pcmu in the working directory")
                result.commands.append(f"python3 perf/lib/rtpprobe.py {ECHO_PORT} {window} probe.json   # as root")
            caller = subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=open(os.path.join(d, "stderr.log"), "w"))
            while caller.poll() is None:
                peak = max(peak, group.memory_kib())
                time.sleep(0.25)
            wall = time.monotonic() - t0
            cpu = group.cpu() - cpu0
            probe.wait()
            last, _ = sipp._read_stats(d)
            ok = int(last.get("SuccessfulCall(C)", 0) or 0)
            failed = n - ok
            with open(probe_out) as f:
                p = json.load(f)
            s, e = p["sent"], p["echoed"]
            echo_lost = max(0, s["packets"] - e["packets"])
            added = (e["jitter_ms_mean"] - s["jitter_ms_mean"]) if s["streams"] and e["streams"] else float("nan")
            row = (f"| {n} | {ok} / {failed} | {s['streams']} | {s['packets']:,} | {s['lost']:,} "
                   f"({s['loss_pct']:.3f}%) | {echo_lost:,} ({100 * echo_lost / max(1, s['packets']):.3f}%) | "
                   f"{_ms(s['jitter_ms_mean'])} / {_ms(s['jitter_ms_max'])} | {_ms(e['jitter_ms_mean'])} / "
                   f"{_ms(e['jitter_ms_max'])} | {_ms(added)} | {p['capture_drops']}, {100 * p['cpu_s'] / wall:.0f} | "
                   f"{100 * cpu / wall:.0f} | "
                   f"{peak / 1024:.1f} |")
            result.extra_rows.append(row)
            log(f"  {n} calls at once: {ok} ok, {s['packets']:,} packets in, {echo_lost} lost in the echo, jitter "
                f"in {_ms(s['jitter_ms_mean'])} ms, back {_ms(e['jitter_ms_mean'])} ms, probe drops "
                f"{p['capture_drops']}")
    finally:
        answerers.stop()
    result.notes.append(f"Each call streams {hold_s} s of a 440 Hz tone (50 packets/s each way); calls start over "
                        f"{ramp_s} s. Jitter is RFC 3550's interarrival jitter per stream, averaged over the streams. "
                        "'Lost on the way in' counts sequence gaps of the callers' streams; 'lost in the echo' the "
                        "packets that reached the echo port but never came back.")
    result.notes.append("The reference for the server's relay (\"ACD with media\" above): the same callers, echo and "
                        "probe without the server; 'added jitter under 5 ms' is read against this row.")
    return result


def _ms(v):
    return "-" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.2f}"
