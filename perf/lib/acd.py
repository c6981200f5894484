"""The ACD scenario: our server (`./acd run`) on perf/config/load-test.yaml, between the same SIPp callers and
answerers as references A and B. Callers dial the load test's lines from known customers' numbers; every rep is
reached at a SIP URI on one of four SIPp answerers, so no softphone registers.

Until the server can take calls the scenario says why ("not available yet: ...") instead of failing the run: no
`sip` section in the configuration model, nothing listening for SIP, or a first test call that is not answered
(480 while call control is not wired, 404, 501, a timeout)."""

import concurrent.futures
import glob
import http.client
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

import make_load_config as cfg
import proc
import sipp

ROOT = os.path.dirname(sipp.PERF)
SIP_PORT = cfg.SIP_PORT
HTTP_PORT = 18080  # not 8080: the demo and colleagues' servers on this machine use that
API_URL = f"127.0.0.1:{HTTP_PORT}"
PERF_PASSWORD = "perf-load-test"


def sip_section(io_threads=None):
    """What perf/run adds to load-test.yaml: SIP and HTTP on loopback at this run's ports (and the event-loop count
    when asked)."""
    loops = f"  ioThreads: {io_threads}\n" if io_threads else ""
    return f"""
# Added by perf/run: SIP on loopback only, calls from the SIPp callers on this machine, no pings (reps are answerers).
sip:
{loops}  bind: 127.0.0.1
  port: {SIP_PORT}
  transports: [udp]
  advertisedAddress: 127.0.0.1
  trunk:
    allowedSources: [127.0.0.1/32]
  registrar:
    pingIntervalSeconds: 0
  # SIPp 3.6 answers only the first challenge: the registration scenario's softphones get MD5 only.
  digest:
    algorithms: [MD5]
  media:
    # Above the callers' own RTP ports (SIPp -mp 18000 and up in the media step), so the probe can tell the legs apart.
    rtpPortFirst: {RTP_FIRST}
    rtpPortLast: {RTP_FIRST + 9999}
http:
  bind: 127.0.0.1
  port: {HTTP_PORT}
"""


_PORT_MAP = {}
RTP_FIRST = 30000


def set_port_offset(offset):
    """Moves every port this scenario uses (SIP, HTTP, the answerers the reps are reached at) up by `offset`, so a
    run can share the machine with another server on the default ports. The reps' SIP URIs in the composed
    configuration follow."""
    global SIP_PORT, HTTP_PORT, API_URL, RTP_FIRST, ECHO_PORT_FIRST, CALLER_MEDIA_PORT
    if not offset:
        return
    old = [cfg.SIP_PORT, *cfg.ANSWERER_PORTS, cfg.NO_ANSWER_PORT, cfg.TRANSFER_PORT, cfg.NOBODY_PORT]
    _PORT_MAP.update({p: p + offset for p in old})
    cfg.SIP_PORT += offset
    cfg.ANSWERER_PORTS = [p + offset for p in cfg.ANSWERER_PORTS]
    cfg.NO_ANSWER_PORT += offset
    cfg.TRANSFER_PORT += offset
    cfg.NOBODY_PORT += offset
    SIP_PORT = cfg.SIP_PORT
    HTTP_PORT += offset
    API_URL = f"127.0.0.1:{HTTP_PORT}"
    # The media ports too: the server's relay range, the answerers' echo ports and the callers' RTP ports.
    RTP_FIRST = 40000 if offset > 0 else 20000
    ECHO_PORT_FIRST += offset
    CALLER_MEDIA_PORT += offset



class NotAvailable(Exception):
    """The server cannot take calls yet; the message says what is missing."""


def _compose(workdir, log, router_wait=None, io_threads=None):
    """The run's configuration: load-test.yaml with a sip section (and the router's wait strategy and the SIP event
    loops when asked), next to its customers file. A server whose configuration knows no `sip` section cannot take
    calls yet."""
    src = os.path.join(sipp.PERF, "config")
    shutil.copy(os.path.join(src, "load-test-customers.csv"), workdir)
    path = os.path.join(workdir, "load-test.yaml")
    with open(os.path.join(src, "load-test.yaml")) as f, open(path, "w") as out:
        text = f.read()
        for old, new in _PORT_MAP.items():
            text = text.replace(f'@127.0.0.1:{old}"', f'@127.0.0.1:{new}"')
        out.write((f"routerWaitStrategy: {router_wait}\n" if router_wait else "") + text + sip_section(io_threads))
    check = subprocess.run([os.path.join(ROOT, "acd"), "check-config", path], capture_output=True, text=True,
                           cwd=ROOT)
    if check.returncode != 0:
        problems = (check.stdout + check.stderr).strip()
        if re.search(r"unknown key 'sip'", problems):
            raise NotAvailable("the server's configuration has no `sip` section yet (no SIP server to call)")
        raise RuntimeError("acd check-config refused the load-test configuration:\n" + problems[-3000:])
    return path


class Server:
    """`./acd run` in the foreground with its own journal; stopped with SIGTERM (a clean stop)."""

    def __init__(self, config, workdir):
        self.log = os.path.join(workdir, "acd.log")
        journal = os.path.join(workdir, "journal")
        cmd = [os.path.join(ROOT, "acd"), "run", "--config", config, "--journal", journal]
        self.command = f"./acd run --config RUNDIR/load-test.yaml --journal RUNDIR/journal"
        self.journal = journal
        self.workdir = workdir
        env = dict(os.environ)
        # A fixed, pre-touched heap: its resizing would otherwise show in RSS as calls come and go.
        env.setdefault("ACD_JAVA_OPTS", "-Xms1g -Xmx1g -XX:+AlwaysPreTouch")
        # The pauses, so that a measurement window can say how much of it the collector took.
        self.gc_log = os.path.join(workdir, "gc.log")
        env["ACD_JAVA_OPTS"] += f" -Xlog:gc:file={self.gc_log}:uptime"
        self.proc = subprocess.Popen(cmd, cwd=workdir, stdin=subprocess.DEVNULL, stdout=open(self.log, "w"),
                                     stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 120
        while True:
            with open(self.log) as f:
                text = f.read()
            if "acd running" in text or "Stop with Ctrl-C" in text:
                break
            if self.proc.poll() is not None:
                raise RuntimeError(f"./acd run stopped at start (exit {self.proc.returncode}):\n{text[-2000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"./acd run did not start within 120 s; see {self.log}")
            time.sleep(0.2)

    def group(self):
        # ./acd execs java, so the launcher's pid is the JVM's.
        return proc.Group(lambda: [self.proc.pid] if self.proc.poll() is None else [])

    def journal_bytes(self):
        total = 0
        for fn in glob.glob(os.path.join(self.journal, "**"), recursive=True):
            if os.path.isfile(fn) and fn.endswith(".cq4"):
                # Chronicle preallocates and maps its files sparse: count the blocks written, not the length.
                total += os.stat(fn).st_blocks * 512
        return total

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Api:
    """The server's HTTP API as the perf supervisor, one connection per thread."""

    def __init__(self):
        self.host, _, port = API_URL.partition(":")
        self.port = int(port or 80)
        self.local = threading.local()
        status, body = self._call("POST", "/api/login", {"user": "perf", "password": PERF_PASSWORD}, auth=False)
        if status != 200:
            raise OSError(f"POST /api/login at {API_URL} answered {status}")
        self.token = json.loads(body)["token"]

    def _call(self, method, path, body=None, auth=True):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        r = conn.getresponse()
        return r.status, r.read()

    def post(self, path):
        return self._call("POST", path, {})[0]

    def get(self, path):
        status, body = self._call("GET", path)
        if status != 200:
            raise OSError(f"GET {path} answered {status}")
        return json.loads(body)

    def totals(self):
        """Today's offered, answered and abandoned calls over every queue, and the reps ready now."""
        tiles = self.get("/api/queues")
        tiles = tiles if isinstance(tiles, list) else tiles.get("queues", [])
        out = {"offered": 0, "answered": 0, "abandoned": 0, "ready": 0}
        for t in tiles:
            today = t.get("today") or {}
            for k in ("offered", "answered", "abandoned"):
                out[k] += int(today.get(k) or 0)
        reps = self.get("/api/reps")
        reps = reps if isinstance(reps, list) else reps.get("reps", [])
        out["ready"] = sum(1 for r in reps if r.get("state") == "READY")
        calls = self.get("/api/calls")
        out["live"] = len(calls if isinstance(calls, list) else calls.get("calls", []))
        return out


def _api_ready_reps(log):
    """Logs every rep in and makes it ready through the HTTP API as the perf supervisor, eight requests at a time.
    Login is applied once the router has journaled it, so a ready sent right after may be refused (409 "not logged
    in"): readies are sent after all logins and refused ones again until every rep is ready. Returns (api, note)."""
    try:
        api = Api()
    except (OSError, ValueError, KeyError) as e:
        return None, f"reps not logged in: no API at {API_URL} ({e})"
    ids = [cfg.rep_id(i) for i in range(1, cfg.REPS + 1)]
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda r: api.post(f"/api/reps/{r}/login"), ids))
        left, rounds = ids, 0
        while left and rounds < 20:
            rounds += 1
            codes = list(pool.map(lambda r: api.post(f"/api/reps/{r}/ready"), left))
            left = [r for r, c in zip(left, codes) if c >= 400]
            if left:
                time.sleep(0.5)
    took = time.monotonic() - t0
    ready = api.totals()["ready"]
    return api, (f"{ready} of {cfg.REPS} reps logged in and ready through the HTTP API at {API_URL} in {took:.0f} s "
                 f"({2 * cfg.REPS} POSTs, 8 at a time, {rounds} round(s) of ready: a ready sent before the router "
                 f"has journaled the login is refused with 409)")


def _test_call(workdir, callers):
    """One call before the load: the first final response tells whether the server can take calls."""
    d = os.path.join(workdir, "test-call")
    os.makedirs(d, exist_ok=True)
    line = "".join(c for c in cfg.LINES[0][1] if c.isdigit())
    cmd = ["sipp", f"{sipp.LOCAL}:{SIP_PORT}", "-sf", sipp.scenario("uac-call.xml"), "-key", "target",
           f"{sipp.LOCAL}:{SIP_PORT}", "-s", line, "-inf", callers, "-i", sipp.LOCAL, "-p", "0", "-m", "1",
           "-d", "200", "-recv_timeout", "8000", "-timeout", "15s", "-trace_msg", "-message_file", "messages.log",
           "-nostdin", "-aa"]
    code = subprocess.run(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode
    try:
        with open(os.path.join(d, "messages.log"), errors="replace") as f:
            text = f.read()
    except OSError:
        text = ""
    statuses = re.findall(r"^SIP/2\.0 (\d{3}) ?([^\r\n]*)", text, re.M)
    finals = [(c, r) for c, r in statuses if int(c) >= 200]
    if code == 0:
        return None
    if finals:
        c, r = finals[0]
        return f"the first test call was answered {c} {r}".rstrip()
    if statuses:
        return f"the first test call got {statuses[-1][0]} and no final answer within 8 s"
    return "the first test call got no answer within 8 s"


def scenario(plan, workdir, log, others, parts=("acd",)):
    import loadrun
    result = loadrun.ScenarioResult("acd", "ACD: SIPp caller -> ./acd run (trunk -> queue -> rep) -> SIPp answerers",
                                    "acd (JVM)")
    result.commands.append("./acd check-config perf/config/load-test.yaml   # plus a sip section on 127.0.0.1:"
                           f"{SIP_PORT}")
    t0 = time.monotonic()
    try:
        build = subprocess.run([os.path.join(ROOT, "acd"), "--help"], capture_output=True, text=True, cwd=ROOT)
        if build.returncode not in (0, 1, 2):
            raise RuntimeError("./acd could not be built:\n" + build.stderr[-2000:])
        result.notes.append(f"Build check (./acd builds its jar when sources changed): {time.monotonic() - t0:.0f} s.")
        config = _compose(workdir, log, getattr(plan, "router_wait", None), getattr(plan, "io_threads", None))
        if getattr(plan, "router_wait", None):
            result.commands[-1] += f"; routerWaitStrategy: {plan.router_wait}"
        if getattr(plan, "io_threads", None):
            result.commands[-1] += f"; sip.ioThreads: {plan.io_threads}"
    except NotAvailable as e:
        result.status = f"not available yet: {e}"
        log(f"  {result.status}")
        return result
    callers = os.path.join(workdir, "callers.csv")
    sipp.write_callers(callers, cfg.caller_numbers())
    server = Server(config, workdir)
    result.commands.append(server.command)
    answerers = media_result = None
    extra = []
    try:
        if not proc.udp_port_bound(SIP_PORT):
            raise NotAvailable(f"the server does not listen for SIP on udp 127.0.0.1:{SIP_PORT}")
        answerers = sipp.Answerers(os.path.join(workdir, "answerers"), cfg.ANSWERER_PORTS)
        result.commands.append(answerers.command + "   # PORT = " + ", ".join(map(str, cfg.ANSWERER_PORTS)))
        api, note = _api_ready_reps(log)
        result.notes.append(note)
        log(f"  {note}")
        refusal = _test_call(workdir, callers)
        if refusal:
            raise NotAvailable(refusal)
        lines = ["".join(c for c in number if c.isdigit()) for _, number in cfg.LINES]
        if "acd" in parts:
            # Each caller dials one line; with fewer callers than lines the first lines get the calls.
            _warm_up(result, plan, workdir, lines, callers, server, answerers, log)
            journal0 = server.journal_bytes()
            _step_up_lines(result, plan, workdir, lines, callers, server, answerers, log, api)
            calls = sum(s.succeeded for s in result.steps + result.growth)
            if calls:
                result.notes.append(f"Journal: {(server.journal_bytes() - journal0) / calls:,.0f} bytes per completed "
                                    f"call (blocks written to the Chronicle files, all steps).")
            _ratios(result, others)
            if result.best() and not plan.quick:
                # The mixed day runs at half the highest passing rate (at most 200 calls/s): a busy day, not an overload.
                plan.mixed_default = min(200, max(20, result.best().target // 2))
            _signalling_memory(result, plan, workdir, server, api, callers, lines, log)
        answerers.stop()
        answerers = None
        if "acd" in parts and getattr(plan, "acd_media", True) and _time_left(plan, "acd-media", extra, log):
            log("acd-media:")
            media_result = media_hold(plan, workdir, server, api, callers, lines, log)
        if "register" in parts and _time_left(plan, "register", extra, log):
            import registrations
            log("register:")
            extra.append(_sub("register", lambda: registrations.scenario(plan, os.path.join(workdir, "register"),
                                                                        server, log), server, log))
        if "mixed" in parts and _time_left(plan, "mixed", extra, log):
            import mixedday
            log("mixed:")
            settled = None
            if any(r.name == "register" for r in extra) and not plan.quick:
                # The registration step ends past the server's limit, and its transactions fill the heap for the
                # 32 s RFC 3261 keeps them: the mixed day is a busy day, so it starts on a server that has let go.
                heap, _, waited, ok = _settled_baseline(server.proc.pid, api, 50, 34)
                settled = (f"The mixed day started {waited:.0f} s after the registration step, once the server "
                           f"had let go of its transactions (heap after GC {heap:.0f} MiB; "
                           + _settled_words(ok, waited) + ").")
                log(f"  {settled}")
            extra.append(_sub("mixed", lambda: mixedday.scenario(plan, os.path.join(workdir, "mixed"), server, api,
                                                                 callers, log), server, log))
            if settled:
                extra[-1].notes.append(settled)
    except NotAvailable as e:
        result.status = f"not available yet: {e}"
        log(f"  {result.status}")
    finally:
        if answerers:
            answerers.stop()
        server.stop()
    if result.status.startswith("not available"):
        return [result]
    return ([result] if "acd" in parts else []) + ([media_result] if media_result else []) + extra


def _signalling_memory(result, plan, workdir, server, api, callers, lines, log):
    """Heap and anonymous RSS per 1,000 live signalling-only calls: N calls held at once (answered by reps, no RTP),
    read against a settled baseline right before, in the same JVM (see _settled_baseline)."""
    n, rate = (200, 100) if plan.quick else (2000, 200)
    hold_s = 4 if plan.quick else 8
    pid = server.proc.pid
    heap0, rss0, waited, settled = _settled_baseline(pid, api, *((6, 0) if plan.quick else (50, 34)))
    live0 = api.totals()["live"]
    d = os.path.join(workdir, f"hold-{n}")
    os.makedirs(d, exist_ok=True)
    ramp_s = n / rate
    cmd = ["sipp", f"{sipp.LOCAL}:{SIP_PORT}", "-sf", sipp.scenario("uac-call.xml"), "-key", "target",
           f"{sipp.LOCAL}:{SIP_PORT}", "-s", lines[0], "-inf", callers, "-i", sipp.LOCAL, "-p", "0", "-r", str(rate),
           "-m", str(n), "-l", str(n), "-d", str(int((ramp_s + hold_s) * 1000)), "-recv_timeout", "10000",
           "-trace_stat", "-stf", "stat.csv", "-trace_err", "-error_file", "errors.log", "-nostdin", "-aa",
           "-buff_size", sipp.BUFFER_BYTES]
    caller = subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=open(os.path.join(d, "stderr.log"), "w"))
    t0 = time.monotonic()
    # Every call talks ramp + hold from its start: all n are up from the end of the ramp for hold_s seconds.
    while time.monotonic() - t0 < ramp_s + hold_s / 2 and caller.poll() is None:
        time.sleep(0.25)
    live = api.totals()["live"] - live0
    heap, rss = _heap_after_gc_mib(pid), _rss_mib(pid)
    caller.wait()
    last, _ = sipp._read_stats(d)
    ok = int(last.get("SuccessfulCall(C)", 0) or 0)
    if live > 0:
        per_heap, per_rss = 1000 * (heap - heap0) / live, 1000 * (rss - rss0) / live
        result.memory.append((n, live, per_heap, per_rss))
        result.notes.append(f"Memory, signalling only: {n:,} calls held at once ({rate} calls/s, each talking until "
                            f"all are up; {ok:,} ok): heap {per_heap:,.1f} MiB and anonymous RSS {per_rss:,.1f} MiB per "
                            f"1,000 live calls ({live:,} more live at the reading than the {live0:,} listed before; heap "
                            f"after a full GC {heap0:.0f} -> "
                            f"{heap:.0f} MiB, RssAnon {rss0:.0f} -> {rss:.0f} MiB; baseline right before with no call "
                            f"live, full GCs 3 s apart until the heap stopped falling: " + _settled_words(settled, waited)
                            + "; same JVM, -Xms = -Xmx, heap pre-touched).")
    log(f"  memory: {live} live signalling-only calls, heap {heap0:.0f} -> {heap:.0f} MiB, RssAnon {rss0:.0f} -> "
        f"{rss:.0f} MiB")


def _time_left(plan, name, extra, log):
    """Whether the run's time budget leaves room for one more scenario; if not, says so in its place."""
    import loadrun
    if time.monotonic() < getattr(plan, "deadline", float("inf")):
        return True
    r = loadrun.ScenarioResult(name, name, "acd (JVM)")
    r.status = "not run: the run's time budget (--budget) was spent"
    extra.append(r)
    log(f"{name}: {r.status}")
    return False


def _sub(name, run, server, log):
    """Runs one scenario on the running server; a failure becomes that scenario's status, not the whole run's. Adds
    the journal bytes the scenario wrote per call (or registration)."""
    import loadrun
    journal0, t0 = server.journal_bytes(), time.monotonic()
    try:
        r = run()
    except Exception as e:
        r = loadrun.ScenarioResult(name, name, "acd (JVM)")
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        r.status = f"failed: {first}"
        r.notes.append(f"{type(e).__name__}: {e}")
        log(f"  failed: {e}")
        return r
    log(f"  ({name}: {time.monotonic() - t0:.0f} s)")
    done = sum(s.succeeded for s in r.steps + r.growth) or getattr(r, "journal_calls", 0)
    if done:
        r.notes.append(f"Journal: {(server.journal_bytes() - journal0) / done:,.1f} bytes per {r.unit[1]} (blocks "
                       "written to the Chronicle files over the whole scenario).")
    return r


def _warm_up(result, plan, workdir, lines, callers, server, answerers, log):
    """A few seconds of calls before the measured steps, so the JIT has compiled the call path: without it the first
    step's CPU per call is several times the steady cost and says nothing about growth with load."""
    rate, seconds = 200, 3 if plan.quick else 6
    target = f"{sipp.LOCAL}:{SIP_PORT}"
    step = sipp.run_step(os.path.join(workdir, "warm-up"), rate, seconds, 1, [target], [target], lines, callers,
                         plan.hold_ms, server.group(), answerers.group())
    result.notes.append(f"Warm-up before the steps (not in the table): {step.calls:,} calls at {rate} calls/s, "
                        f"{step.failed} failed, {step.sut_cpu_ms:.2f} ms CPU per call while the JIT compiled.")
    log(f"  warm-up: {step.calls} calls at {rate} calls/s, {step.failed} failed, {step.sut_cpu_ms:.2f} ms CPU/call")


def _step_up_lines(result, plan, workdir, lines, callers, server, answerers, log, api):
    import loadrun
    target = f"{sipp.LOCAL}:{SIP_PORT}"
    before = [api.totals() if api else None]

    def reps_answered(step):
        """SIPp sees our 200 as soon as the call is queued; whether a rep took it shows only in the server's own
        figures: today's answered and abandoned calls, read once the step's calls have all ended."""
        if not api:
            return None
        # Until no more calls are live than before the step, or the count stops moving for a second: calls the server
        # never ended (a caller's BYE racing the rep's answer can leave one open) must not hold every step 15 s.
        deadline = time.monotonic() + 15
        now, last, still = api.totals(), None, 0
        while now["live"] > before[0].get("live", 0) and time.monotonic() < deadline and still < 2:
            time.sleep(0.5)
            last, now = now["live"], api.totals()
            still = still + 1 if now["live"] == last else 0
        if now["live"] > before[0].get("live", 0):
            step.left_open = now["live"] - before[0].get("live", 0)
            result.notes.append(f"{step.target:,} calls/s: {step.left_open:,} more calls listed live by GET /api/calls "
                                "after the step than before it, though SIPp ended every call (calls the server did not "
                                "end)")
        step.answered = now["answered"] - before[0]["answered"]
        step.abandoned = now["abandoned"] - before[0]["abandoned"]
        step.offered = now["offered"] - before[0]["offered"]
        before[0] = now
        missed = max(0, step.calls - step.answered)
        # Reported, not a stop: the callers hang up after the talk time whether or not a rep has answered, so a
        # late rep leg shows as a short abandon here while SIPp counts the call as a success.
        result.notes.append(f"{step.target:,} calls/s: {step.answered:,} of {step.calls:,} calls answered by a rep "
                            f"({100.0 * missed / max(1, step.calls):.1f}% not: {step.abandoned:,} abandoned, the rest "
                            f"short abandons, the caller gone before the rep's answer); {now['ready']} reps ready "
                            f"after the step.")
        return None

    # The Request-URI's user part is the line dialled: caller i dials line i (mod 4), so from 2,400 calls/s on
    # (three callers) the load spreads over several queues.
    loadrun.step_up(result, plan, workdir, [target], [target], lines, callers, server.group(), answerers.group(),
                    log, after_step=reps_answered)


def _ratios(result, others):
    best = result.best()
    if best is None:
        return
    for ref in others:
        b = ref.best()
        if ref.name in ("baseline", "kamailio") and b:
            result.notes.append(f"Against {ref.title}: {best.achieved / b.achieved:.2f} x its rate "
                                f"({best.achieved:,} vs {b.achieved:,} calls/s), "
                                f"{best.sut_cpu_ms / b.sut_cpu_ms:.1f} x its CPU per call.")


ECHO_PORT_FIRST = 16000
CALLER_MEDIA_PORT = 18000


def _heap_after_gc_mib(pid):
    """Live heap: a full GC (jcmd GC.run), then the used heap from GC.heap_info."""
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) / 1024 if m else float("nan")


def _rss_mib(pid, field="RssAnon:"):
    """Anonymous resident memory (heap, native buffers, thread stacks), not the journal's mapped files, whose pages
    come and go with the page cache; VmRSS with field="VmRSS:"."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _settled_words(settled, waited):
    seen = ", ".join(f"{r:.0f}" for r in getattr(_settled_baseline, "readings", []))
    if settled:
        return f"the baseline settled in {waited:.0f} s (heap after each GC: {seen} MiB)"
    return (f"the baseline had NOT settled after {waited:.0f} s (heap after each GC: {seen} MiB), so this figure is "
            "unreliable")


def _settled_baseline(pid, api, max_wait_s, min_wait_s=0):
    """The memory of the server with no calls, read right before a level: waits until no call is live, then runs full
    GCs 3 s apart until the heap after GC stops falling (twice in a row within 0.5 MiB, and not before min_wait_s),
    because ended calls' SIP transactions linger up to 32 s (64*T1) after the calls: a heap steady for 6 s can still
    drop when they expire. Returns (heap MiB, anonymous RSS MiB, seconds waited, whether it settled)."""
    t0 = time.monotonic()
    # At most a third of the wait for the live calls to go: a call the server keeps listing must not use it all.
    while api.totals()["live"] and time.monotonic() - t0 < max_wait_s / 3:
        time.sleep(0.5)
    last, steady = _heap_after_gc_mib(pid), 0
    readings = [last]
    while time.monotonic() - t0 < max_wait_s and steady < 2:
        time.sleep(3)
        now = _heap_after_gc_mib(pid)
        readings.append(now)
        # Before min_wait_s the finished calls' transactions may still be there to expire: not steady yet.
        steady = steady + 1 if abs(now - last) <= 0.5 and time.monotonic() - t0 >= min_wait_s else 0
        last = now
    _settled_baseline.readings = readings
    return last, _rss_mib(pid), time.monotonic() - t0, steady >= 2


def media_hold(plan, workdir, server, api, callers, lines, log):
    """Calls with RTP through the server: SIPp callers stream G.711 (uac-media.xml) to the lines, the server
    queues them, rings the reps at SIPp answerers that echo RTP (-rtp_echo), bridges and records. N calls are held at
    once; a packet probe on lo measures loss and jitter on the caller side and on the rep side of the relay. Heap
    (after a full GC) and RSS are read with N calls live, after the probe window so the GC does not disturb it."""
    import loadrun
    import media
    result = loadrun.ScenarioResult("acd-media", "ACD with media: SIPp callers streaming G.711 -> ./acd run (relay "
                                    "and record) -> SIPp answerers echoing RTP", "acd (JVM)")
    if os.geteuid() != 0:
        result.status = "not run: the RTP probe needs root for a packet socket on lo"
        return result
    # One level in a full run (the goal's 1,000), for the time budget; --media-levels 250,500,1000 for the growth.
    levels = getattr(plan, "media_levels", None) or ([100] if plan.quick else [1000])
    hold_s, ramp_rate = (6, 50) if plan.quick else (15, 100)
    pid = server.proc.pid
    answerers = sipp.Answerers(os.path.join(workdir, "media-answerers"), cfg.ANSWERER_PORTS,
                               extra_per_port=lambda i: ("-mp", str(ECHO_PORT_FIRST + 10 * i), "-rtp_echo"))
    echo_range = f"{ECHO_PORT_FIRST}-{ECHO_PORT_FIRST + 10 * len(cfg.ANSWERER_PORTS)}"
    caller_range = f"{CALLER_MEDIA_PORT}-{CALLER_MEDIA_PORT + 4 * max(levels) + 100}"
    result.commands.append(answerers.command + " -mp 16000+10*i -rtp_echo   # PORT = "
                           + ", ".join(map(str, cfg.ANSWERER_PORTS)))
    result.extra_header = (
        "| calls at once | calls ok / failed | answered by a rep | more live calls at the heap reading | caller -> relay: "
        "streams, packets, lost | relay -> rep: streams, packets, lost | rep echo -> relay: lost | relay -> caller: "
        "packets, lost | jitter in (caller -> relay) / through (relay -> rep) / back (relay -> caller), mean ms | "
        "added jitter, mean / max ms | INVITE -> first answer on the wire, p50 / p99 / max ms (INVITEs sent again) | "
        "probe: every nth call, drops, CPU % | acd CPU % | CPU ms per call-second | machine idle %, runnable threads "
        "mean / max | GC pauses: count, total / longest ms | heap MiB (after GC) | "
        "anon RSS MiB | recordings MB |\n"
        "|---:|---|---:|---:|---|---|---|---|---|---|---|---|---:|---:|---|---|---:|---:|---:|")
    result.notes.append("Memory per 1,000 live calls, same JVM (-Xms = -Xmx, heap pre-touched, so the heap's own "
                        "resizing does not move RSS): right before each level, with no call live, full GCs (jcmd "
                        "GC.run) until the used heap (jcmd GC.heap_info) stops falling, and anonymous RSS (RssAnon in "
                        "/proc/PID/status: heap, native buffers, stacks; not the journal's mapped files); again with "
                        "the level's calls live (one full GC, after the probe window); (after - before) / live calls "
                        "x 1,000.")
    try:
        for n in levels:
            d = os.path.join(workdir, f"media-{n}")
            os.makedirs(d, exist_ok=True)
            media.write_tone(os.path.join(d, "tone.pcmu"))
            ramp_s = n / ramp_rate
            window = ramp_s + hold_s - 2
            heap0, rss0, waited, settled = _settled_baseline(pid, api, *((6, 0) if plan.quick else (50, 34)))
            every = _probe_every(n)
            # one packet socket for both sides: each socket on lo is a tap every sender pays for in the kernel
            outs = [os.path.join(d, f"probe-{name}.json") for name in ("rep", "caller")]
            probe = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(__file__), "rtpprobe.py"),
                                      f"{echo_range},{caller_range}", str(window), ",".join(outs), str(every),
                                      str(SIP_PORT)])
            time.sleep(0.3)
            before = api.totals()
            # Calls an overloaded step left behind are not this level's: only the growth counts.
            live0 = before["live"]
            rec0 = _dir_bytes(os.path.join(server.workdir, "recordings"))
            group = server.group()
            cpu0, t0 = group.cpu(), time.monotonic()
            machine, gc = proc.MachineWatch(), proc.GcLog(server.gc_log)
            cmd = ["sipp", f"{sipp.LOCAL}:{SIP_PORT}", "-sf", sipp.scenario("uac-media.xml"), "-key", "target",
                   f"{sipp.LOCAL}:{SIP_PORT}", "-s", lines[0], "-inf", callers, "-i", sipp.LOCAL, "-p", "0",
                   "-mp", str(CALLER_MEDIA_PORT), "-r", str(ramp_rate), "-m", str(n),
                   "-d", str(int((ramp_s + hold_s) * 1000 - 0)), "-l", str(n),
                   "-recv_timeout", "10000", "-trace_stat", "-stf", "stat.csv", "-trace_err", "-error_file",
                   "errors.log", "-nostdin", "-aa", "-buff_size", sipp.BUFFER_BYTES]
            if len(result.commands) < 2:
                result.commands.append(" ".join(sipp._shown(cmd)) + "   # tone.pcmu in the working directory")
                result.commands.append(f"python3 perf/lib/rtpprobe.py {echo_range},{caller_range} WINDOW "
                                       f"probe-rep.json,probe-caller.json EVERY {SIP_PORT}   # EVERY = calls at "
                                       f"once / {PROBE_CALLS}, at least 1")
            caller = subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=open(os.path.join(d, "stderr.log"), "w"))
            # Every call talks ramp + hold seconds from its start: the first ends as the probe window closes.
            while time.monotonic() - t0 < window + 0.3 and caller.poll() is None:
                time.sleep(0.25)
                machine.sample()
            cpu_window = group.cpu() - cpu0
            busy, pauses = machine.summary(), gc.pauses()
            wall_window = time.monotonic() - t0
            live = api.totals()["live"] - live0
            heap, rss = _heap_after_gc_mib(pid), _rss_mib(pid)
            while caller.poll() is None:
                time.sleep(0.25)
            probe.wait()
            time.sleep(2)
            after = api.totals()
            last, _ = sipp._read_stats(d)
            ok = int(last.get("SuccessfulCall(C)", 0) or 0)
            (rep, caller_side) = [json.load(open(out)) for out in outs]
            # rep probe: 'sent' = packets to the echo (relay -> rep), 'echoed' = from the echo (rep -> relay);
            # caller probe: 'sent' = packets to the callers' ports (relay -> caller), 'echoed' = caller -> relay.
            c_in, to_rep, from_rep, c_back = caller_side["echoed"], rep["sent"], rep["echoed"], caller_side["sent"]
            added = [to_rep["jitter_ms_mean"] - c_in["jitter_ms_mean"]] if to_rep["streams"] and c_in["streams"] \
                else [float("nan")]
            added_max = (to_rep["jitter_ms_max"] or float("nan"))
            call_seconds = sum(
                min(wall_window, ramp_s + hold_s) - i / ramp_rate for i in range(n) if wall_window > i / ramp_rate)
            rec_mb = (_dir_bytes(os.path.join(server.workdir, "recordings")) - rec0) / 1e6
            sip = rep.get("sip") or caller_side.get("sip") or {}
            result.extra_rows.append(
                f"| {n:,} | {ok:,} / {n - ok:,} | {after['answered'] - before['answered']:,} | {live:,} | "
                f"{c_in['streams']:,}, {c_in['packets']:,}, {c_in['lost']:,} ({c_in['loss_pct']:.3f}%) | "
                f"{to_rep['streams']:,}, {to_rep['packets']:,}, {to_rep['lost']:,} ({to_rep['loss_pct']:.3f}%) | "
                f"{from_rep['lost']:,} ({from_rep['loss_pct']:.3f}%) | {c_back['packets']:,}, {c_back['lost']:,} "
                f"({c_back['loss_pct']:.3f}%) | {_ms(c_in['jitter_ms_mean'])} / {_ms(to_rep['jitter_ms_mean'])} / "
                f"{_ms(c_back['jitter_ms_mean'])} | {_ms(added[0])} / {_ms(added_max)} | {_answers(sip)} | "
                f"{every}, {rep['capture_drops'] + caller_side['capture_drops']:,}, "
                f"{100 * (rep['cpu_s'] + caller_side['cpu_s']) / wall_window:.0f} | {100 * cpu_window / wall_window:.0f} | "
                f"{1000 * cpu_window / call_seconds if call_seconds else float('nan'):.2f} | "
                f"{busy['idle_pct']:.0f}, {busy['runnable_mean']:.1f} / {busy['runnable_max']} | {_pauses(pauses)} | "
                f"{heap:.0f} | {rss:.0f} | {rec_mb:.1f} |")
            if live:
                per_heap, per_rss = 1000 * (heap - heap0) / live, 1000 * (rss - rss0) / live
                result.memory.append((n, live, per_heap, per_rss))
                result.notes.append(f"{n:,} calls at once: heap {per_heap:,.1f} MiB and anonymous RSS "
                                    f"{per_rss:,.1f} MiB per 1,000 live calls ({live:,} calls live at the reading, "
                                    f"{live0:,} before; heap after a full GC {heap0:.0f} -> {heap:.0f} MiB, RssAnon "
                                    f"{rss0:.0f} -> {rss:.0f} MiB; " + _settled_words(settled, waited) + ").")
            log(f"  {n} calls at once: {ok} ok, {after['answered'] - before['answered']} answered by a rep, {live} "
                f"live at the reading; lost caller->relay {c_in['lost']}, relay->rep {to_rep['lost']} of "
                f"{to_rep['packets']}, jitter in/through {_ms(c_in['jitter_ms_mean'])}/{_ms(to_rep['jitter_ms_mean'])}"
                f" ms; INVITE answered in {_answers(sip)}; heap {heap:.0f} MiB, RSS {rss:.0f} MiB; CPU "
                f"{100 * cpu_window / wall_window:.0f}%, machine idle {busy['idle_pct']:.0f}%")
            if ok < 0.99 * n:
                result.limit = f"{n - ok} of {n} calls failed at {n} calls at once"
                break
            time.sleep(3)
    finally:
        answerers.stop()
    result.notes.append(f"Calls start at {ramp_rate} calls/s and each talks {hold_s} s after the last has started, "
                        "so all N are up together for the last seconds of the probe window. Jitter is RFC 3550's "
                        "interarrival jitter per stream, averaged over the streams; 'added' is relay -> rep minus "
                        "caller -> relay (the same audio before and after the relay). Loss counts sequence gaps. "
                        "Relay -> caller carries music while queued, then the rep's echo. The INVITE column times the "
                        "server's first answer (100 Trying) to each caller's INVITE on lo, as the probe saw both; "
                        "machine idle and runnable threads (/proc/stat, /proc/loadavg every 0.25 s) and the JVM's GC "
                        "pauses (-Xlog:gc) cover the probe window.")
    return result


# The probe watches about this many calls: above it, it samples every nth call, so that the observer (a Python
# process on the same cores) does not take the CPU the relay needs. At 250 it took 18-28% of a core at 1,000 calls.
PROBE_CALLS = 125


def _probe_every(calls):
    return max(1, calls // PROBE_CALLS)


def _answers(sip):
    if not sip.get("invites"):
        return "-"
    unanswered = f", {sip['unanswered']:,} unanswered" if sip["unanswered"] else ""
    return (f"{_ms(sip['first_response_ms_p50'])} / {_ms(sip['first_response_ms_p99'])} / "
            f"{_ms(sip['first_response_ms_max'])} ({sip['resent']:,}{unanswered})")


def _pauses(p):
    return "-" if p is None else f"{p['count']}, {p['total_ms']:.0f} / {p['max_ms']:.0f}"


def _dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.stat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def _ms(v):
    return "-" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.2f}"
