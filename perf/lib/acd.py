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
import os
import re
import shutil
import signal
import subprocess
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

SIP_SECTION = f"""
# Added by perf/run: SIP on loopback only, calls from the SIPp callers on this machine, no pings (reps are answerers).
sip:
  bind: 127.0.0.1
  port: {SIP_PORT}
  transports: [udp]
  advertisedAddress: 127.0.0.1
  trunk:
    allowedSources: [127.0.0.1/32]
  registrar:
    pingIntervalSeconds: 0
  media:
    # Above the callers' own RTP ports (SIPp -mp 18000 and up in the media step), so the probe can tell the legs apart.
    rtpPortFirst: 30000
    rtpPortLast: 39999
http:
  bind: 127.0.0.1
  port: {HTTP_PORT}
"""


class NotAvailable(Exception):
    """The server cannot take calls yet; the message says what is missing."""


def _compose(workdir, log):
    """The run's configuration: load-test.yaml with a sip section, next to its customers file. A server whose
    configuration knows no `sip` section cannot take calls yet."""
    src = os.path.join(sipp.PERF, "config")
    shutil.copy(os.path.join(src, "load-test-customers.csv"), workdir)
    path = os.path.join(workdir, "load-test.yaml")
    with open(os.path.join(src, "load-test.yaml")) as f, open(path, "w") as out:
        out.write(f.read() + SIP_SECTION)
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
        env = dict(os.environ)
        env.setdefault("ACD_JAVA_OPTS", "-Xmx1g")
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
           "-nostdin"]
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


def scenario(plan, workdir, log, others):
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
        config = _compose(workdir, log)
    except NotAvailable as e:
        result.status = f"not available yet: {e}"
        log(f"  {result.status}")
        return result
    callers = os.path.join(workdir, "callers.csv")
    sipp.write_callers(callers, cfg.caller_numbers())
    server = Server(config, workdir)
    result.commands.append(server.command)
    answerers = None
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
        journal0 = server.journal_bytes()
        # Each caller dials one line; with fewer callers than lines the first lines get the calls.
        _warm_up(result, plan, workdir, lines, callers, server, answerers, log)
        _step_up_lines(result, plan, workdir, lines, callers, server, answerers, log, api)
        calls = sum(s.succeeded for s in result.steps)
        if calls:
            result.notes.append(f"Journal: {(server.journal_bytes() - journal0) / calls:,.0f} bytes per completed "
                                f"call (blocks written to the Chronicle files, all steps).")
        _ratios(result, others)
    except NotAvailable as e:
        result.status = f"not available yet: {e}"
        log(f"  {result.status}")
    finally:
        if answerers:
            answerers.stop()
        server.stop()
    return result


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
        deadline = time.monotonic() + 15
        now = api.totals()
        while now["live"] and time.monotonic() < deadline:
            time.sleep(0.5)
            now = api.totals()
        step.answered = now["answered"] - before[0]["answered"]
        step.abandoned = now["abandoned"] - before[0]["abandoned"]
        step.offered = now["offered"] - before[0]["offered"]
        before[0] = now
        missed = step.calls - step.answered
        if step.calls and 100.0 * missed / step.calls > 0.1:
            return (f"{missed:,} of {step.calls:,} calls not answered by a rep ({step.abandoned:,} abandoned in the "
                    f"queue, {now['ready']} reps ready after the step)")
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
