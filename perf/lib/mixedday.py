"""The mixed day: on the running `./acd run`, at one rate for a while, four kinds of calls at once, each from its own
SIPp caller on its own line (perf/lib/make_load_config.py):

  answered   the first line; ordinary reps answer; the caller talks HOLD_MS and hangs up
  abandon    DAY_ABANDON's queue, whose only rep is never logged in: the caller hangs up while queued
  no-answer  DAY_RNA's queue: two reps at a SIPp that rings and never answers rank first; each rings out after the
             queue's 1 s ring timeout, then an ordinary rep answers
  transfer   DAY_XFER's queue: reps at a SIPp that answers and blind-transfers (REFER) to the first queue, where an
             ordinary rep answers

Meanwhile a driver posts a disposition (POST /api/calls/{id}/disposition, as the perf supervisor) for every call it
sees talking, readers poll GET /api/queues, /api/stats, /api/calls and /api/reps (latency per endpoint) and a
WebSocket client follows /api/live/feed. Afterwards the load's own counts (SIPp callers and answerers, the driver)
are set against the server's figures for the same time (GET /api/stats totals, after minus before)."""

import base64
import json
import os
import socket
import threading
import time

import make_load_config as cfg
import proc
import sipp

KINDS = [  # name, line, share of the rate, talk time (ms)
    ("answered", cfg.LINES[0][1], 0.70, 1000),
    ("abandon", cfg.DAY_ABANDON[1], 0.10, 2000),
    ("no-answer", cfg.DAY_RNA[1], 0.10, 5000),
    ("transfer", cfg.DAY_XFER[1], 0.10, 4000),
]
STATS_METRICS = ["calls", "offered", "answered", "abandoned", "short_abandoned", "transfers", "ring_no_answer",
                 "dispositions", "offers", "handled"]
READS = ["/api/queues", "/api/stats?by=queue", "/api/calls", "/api/reps"]


def _digits(number):
    return "".join(c for c in number if c.isdigit())


def stats_totals(api):
    doc = api.get("/api/stats?by=day&metrics=" + ",".join(STATS_METRICS))
    rows = doc.get("rows") or []
    totals = rows[-1] if rows else {}
    return {m: int(totals.get(m) or 0) for m in STATS_METRICS}


def settled_totals(api, timeout_s=20):
    """The totals once two reads 1 s apart agree, as does the number of live calls (the journal has caught up; a call
    the server never ended stays listed, so "none live" cannot be the test)."""
    deadline = time.monotonic() + timeout_s
    last, live = stats_totals(api), api.totals()["live"]
    while time.monotonic() < deadline:
        time.sleep(1)
        now, live_now = stats_totals(api), api.totals()["live"]
        if now == last and live_now == live:
            return now
        last, live = now, live_now
    return last


class Readers:
    """Threads reading the live API back to back (with a short pause), latency recorded per endpoint."""

    def __init__(self, api, threads=2, pause_s=0.05):
        self.api, self.pause_s, self.stop_flag = api, pause_s, threading.Event()
        self.latency = {p.split("?")[0]: [] for p in READS}
        self.errors = 0
        self.threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(threads)]
        for t in self.threads:
            t.start()

    def _run(self, i):
        k = i
        while not self.stop_flag.is_set():
            path = READS[k % len(READS)]
            k += 1
            t0 = time.perf_counter()
            try:
                self.api.get(path)
                self.latency[path.split("?")[0]].append(1000 * (time.perf_counter() - t0))
            except Exception:
                self.errors += 1
            time.sleep(self.pause_s)

    def stop(self):
        self.stop_flag.set()
        for t in self.threads:
            t.join(timeout=15)


class Dispositions:
    """Posts one disposition for every inbound call it sees TALKING in GET /api/calls, as the perf supervisor."""

    def __init__(self, api, outcome="won", poll_s=0.25):
        self.api, self.outcome, self.poll_s = api, outcome, poll_s
        self.done, self.created, self.refused, self.errors = set(), 0, {}, 0
        self.stop_flag = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.stop_flag.is_set():
            try:
                calls = self.api.get("/api/calls")
                calls = calls if isinstance(calls, list) else calls.get("calls", [])
                for c in calls:
                    cid = c.get("callId")
                    if c.get("phase") != "TALKING" or cid in self.done or c.get("direction") == "OUTBOUND":
                        continue
                    self.done.add(cid)
                    status, _ = self.api._call("POST", f"/api/calls/{cid}/disposition",
                                               {"outcome": self.outcome, "revenueCents": 100, "note": "perf"})
                    if status == 201:
                        self.created += 1
                    else:
                        self.refused[status] = self.refused.get(status, 0) + 1
            except Exception:
                self.errors += 1
            time.sleep(self.poll_s)

    def stop(self):
        self.stop_flag.set()
        self.thread.join(timeout=15)


class Feed:
    """A minimal WebSocket client (RFC 6455) on /api/live/feed: counts the messages and bytes the server pushes."""

    def __init__(self, host, port, token):
        self.messages, self.bytes, self.error, self.first_type = 0, 0, None, None
        self.stop_flag = threading.Event()
        self.sock = socket.create_connection((host, port), timeout=10)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /api/live/feed?access_token={token} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                           f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise OSError("the live feed closed during the handshake")
            head += chunk
        status = head.split(b"\r\n", 1)[0].decode(errors="replace")
        if " 101 " not in status + " ":
            raise OSError(f"the live feed answered the handshake with {status!r}")
        self.buf = head.split(b"\r\n\r\n", 1)[1]
        self.sock.settimeout(0.5)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _read(self, n):
        while len(self.buf) < n:
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                if self.stop_flag.is_set():
                    raise EOFError
                continue
            if not chunk:
                raise EOFError
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _run(self):
        try:
            while not self.stop_flag.is_set():
                b0, b1 = self._read(2)
                length = b1 & 0x7F
                if length == 126:
                    length = int.from_bytes(self._read(2), "big")
                elif length == 127:
                    length = int.from_bytes(self._read(8), "big")
                payload = self._read(length)
                opcode = b0 & 0x0F
                if opcode == 8:
                    break
                if opcode in (1, 0):
                    self.bytes += length
                    if b0 & 0x80:
                        self.messages += 1
                    if self.first_type is None and opcode == 1:
                        try:
                            self.first_type = json.loads(payload).get("type")
                        except ValueError:
                            self.first_type = "?"
        except EOFError:
            pass
        except Exception as e:  # reported, not raised: the feed is one reader among several
            self.error = f"{type(e).__name__}: {e}"

    def stop(self):
        self.stop_flag.set()
        self.thread.join(timeout=5)
        try:
            self.sock.close()
        except OSError:
            pass


def _pct(values, q):
    return sipp.percentile(sorted(values), q)


def scenario(plan, workdir, server, api, callers, log, best_rate=None):
    import loadrun
    result = loadrun.ScenarioResult("mixed", "Mixed day: answered, abandoned, ring-no-answer and transferred calls, "
                                    "dispositions, live API read -> ./acd run", "acd (JVM)")
    rate = plan.mixed_rate or getattr(plan, "mixed_default", None) or (30 if plan.quick else 200)
    seconds = plan.mixed_seconds or (8 if plan.quick else 30)
    os.makedirs(workdir, exist_ok=True)
    target = f"{sipp.LOCAL}:{cfg.SIP_PORT}"
    ordinary = sipp.Answerers(os.path.join(workdir, "answerers"), cfg.ANSWERER_PORTS)
    rna = sipp.Answerers(os.path.join(workdir, "no-answer"), [cfg.NO_ANSWER_PORT], scenario_file="uas-no-answer.xml",
                         extra=("-trace_stat", "-stf", "stat.csv", "-fd", "1"))
    xfer = sipp.Answerers(os.path.join(workdir, "transfer"), [cfg.TRANSFER_PORT], scenario_file="uas-transfer.xml",
                          extra=("-trace_stat", "-stf", "stat.csv", "-fd", "1", "-s", cfg.TRANSFER_TO, "-key",
                                 "target", target))
    result.commands += [ordinary.command + "   # PORT = " + ", ".join(map(str, cfg.ANSWERER_PORTS)),
                        rna.command + f"   # PORT = {cfg.NO_ANSWER_PORT}", xfer.command + f"   # PORT = "
                        f"{cfg.TRANSFER_PORT}"]
    feed = readers = dispo = None
    try:
        extra_reps = cfg.mixed_day_rep_ids()
        for r in extra_reps:
            api.post(f"/api/reps/{r}/login")
        time.sleep(0.5)
        for _ in range(10):
            left = [r for r in extra_reps if api.post(f"/api/reps/{r}/ready") >= 400
                    and api.get(f"/api/reps/{r}").get("state") != "READY"]
            if not left:
                break
            time.sleep(0.5)
        before = settled_totals(api)
        feed = Feed(api.host, api.port, api.token)
        readers = Readers(api)
        dispo = Dispositions(api)
        sut = server.group()
        cpu0, t0 = sut.cpu(), time.monotonic()
        steps, threads = {}, []
        for name, line, share, hold in KINDS:
            def go(name=name, line=line, share=share, hold=hold):
                steps[name] = sipp.run_step(os.path.join(workdir, name), rate * share, seconds, 1, [target], [target],
                                            _digits(line), callers, hold, proc.Group(lambda: []),
                                            proc.Group(lambda: []))
            threads.append(threading.Thread(target=go))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        time.sleep(2)  # the last dispositions for calls still talking
        dispo.stop()
        after = settled_totals(api)
        cpu = sut.cpu() - cpu0
        readers.stop()
        feed.stop()
    finally:
        for x in (dispo, readers, feed):
            if x:
                x.stop()
        for a in (ordinary, rna, xfer):
            a.stop()
    for name, *_ in KINDS:
        if name not in steps:
            raise RuntimeError(f"the {name} callers did not run")
    result.commands += [steps[k].command for k, *_ in KINDS]
    delta = {m: after[m] - before[m] for m in STATS_METRICS}
    rna_last, _ = sipp._read_stats(os.path.join(workdir, "no-answer", f"uas-{cfg.NO_ANSWER_PORT}"))
    xfer_last, _ = sipp._read_stats(os.path.join(workdir, "transfer", f"uas-{cfg.TRANSFER_PORT}"))
    rings = int(rna_last.get("TotalCallCreated", 0) or 0)
    transfers = int(xfer_last.get("SuccessfulCall(C)", 0) or 0)
    calls = sum(s.calls for s in steps.values())
    ok = sum(s.succeeded for s in steps.values())
    abandons = steps["abandon"].succeeded
    checks = [
        ("calls", "every caller's calls (SIPp)", calls, delta["calls"]),
        ("offered", "the same: each reached a queue once", calls, delta["offered"]),
        ("abandoned", "the abandon line's calls (SIPp)", abandons, delta["abandoned"] + delta["short_abandoned"]),
        ("answered", "every other call", ok - abandons, delta["answered"]),
        ("ring-no-answers", "INVITEs the never-answering SIPp got", rings, delta["ring_no_answer"]),
        ("transfers", "REFERs the transferring SIPp completed", transfers, delta["transfers"]),
        ("dispositions", "201s to the driver's POSTs", dispo.created, delta["dispositions"]),
    ]
    result.extra_header = ("| kind | what the load counted | load | server (GET /api/stats totals, after - before) | "
                           "agree |\n|---|---|---:|---:|---|")
    for kind, what, load, server_count in checks:
        result.extra_rows.append(f"| {kind} | {what} | {load:,} | {server_count:,} | "
                                 f"{'yes' if load == server_count else 'NO (' + format(server_count - load, '+,') + ')'} |")
    agree = sum(1 for c in checks if c[2] == c[3])
    result.extra_rows.append("")
    result.extra_rows.append("| caller kind | calls/s | calls | failed | setup p50 / p99 / max ms |")
    result.extra_rows.append("|---|---:|---:|---:|---|")
    for name, _, share, hold in KINDS:
        s = steps[name]
        result.extra_rows.append(f"| {name} (talk {hold} ms) | {rate * share:g} | {s.calls:,} | {s.failed:,} | "
                                 f"{s.p50:.0f} / {s.p99:.0f} / {s.max:.0f} |")
    all_rtt = []
    for name, *_ in KINDS:
        all_rtt += _read_all_rtt(steps[name].workdir)
    p99 = _pct(all_rtt, 0.99)
    result.extra_rows.append("")
    result.extra_rows.append("| API read under the load | requests | p50 ms | p99 ms | max ms |")
    result.extra_rows.append("|---|---:|---:|---:|---:|")
    lat_all = []
    for path, values in readers.latency.items():
        lat_all += values
        result.extra_rows.append(f"| GET {path} | {len(values):,} | {_pct(values, 0.5):.1f} | {_pct(values, 0.99):.1f} | "
                                 f"{max(values) if values else float('nan'):.1f} |")
    result.extra_rows.append(f"| all reads | {len(lat_all):,} | {_pct(lat_all, 0.5):.1f} | {_pct(lat_all, 0.99):.1f} | "
                             f"{max(lat_all) if lat_all else float('nan'):.1f} |")
    cpu_ms = 1000 * cpu / max(1, calls)
    result.summary = dict(rate=rate, p99=p99, cpu_ms=cpu_ms)
    result.journal_calls = calls
    result.limit = f"{agree} of {len(checks)} counts agree with the server's statistics"
    result.notes.append(f"{rate:g} calls/s for {seconds} s ({calls:,} calls, {calls - ok:,} failed at SIPp); shares "
                        + ", ".join(f"{n} {int(100 * sh)}%" for n, _, sh, _ in KINDS)
                        + f". Setup p99 over every call: {p99:.0f} ms. acd CPU: {cpu_ms:.2f} ms per call "
                        f"({100 * cpu / wall:.0f}% of a core over {wall:.0f} s, API reads, feed and dispositions "
                        "included).")
    result.notes.append(f"Live API: {len(lat_all):,} reads by 2 threads (50 ms pause after each), {readers.errors} "
                        f"errors; WebSocket feed: first message '{feed.first_type}', {feed.messages:,} messages, "
                        f"{feed.bytes / 1e6:.1f} MB" + (f", ended with {feed.error}" if feed.error else "") + ".")
    result.notes.append(f"Dispositions: {dispo.created:,} posted (201) for calls seen TALKING in GET /api/calls every "
                        f"250 ms; refused: {dispo.refused or 'none'}; errors {dispo.errors}.")
    result.notes.append("Abandons: the abandon line's queue has one rep who is never logged in; its callers hang up "
                        "after 2 s (shortAbandonSeconds 0 there, so each is `abandoned`; short ones are added in "
                        "anyway). Ring-no-answers: 2 reps at a SIPp that never answers rank first on the no-answer "
                        "line's skill; ring timeout 1 s. Transfers: REFER to queue "
                        f"'{cfg.TRANSFER_TO}' by reps at a SIPp (perf/sipp/uas-transfer.xml). The stats counts are "
                        "today's totals, read before and after once they stopped changing: a run across midnight in "
                        "the center's zone (UTC) would not add up.")
    log(f"  mixed day at {rate:g} calls/s x {seconds} s: {calls} calls, {agree}/{len(checks)} counts agree; setup "
        f"p99 {p99:.0f} ms; {cpu_ms:.2f} ms CPU/call; API p50/p99 {_pct(lat_all, 0.5):.1f}/{_pct(lat_all, 0.99):.1f} ms")
    for kind, what, load, server_count in checks:
        log(f"    {kind}: load {load}, server {server_count}")
    return result


def _read_all_rtt(workdir):
    values = []
    for d in os.listdir(workdir):
        v, _, _ = sipp._read_rtt(os.path.join(workdir, d))
        values += v
    return values
