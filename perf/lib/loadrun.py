"""perf/run's driver: runs the call-load scenarios, prints a results table and appends it to perf/RESULTS.md.

Scenarios (--only picks some; they run in the order of ORDER: baseline, kamailio, media, then acd, register and
mixed on one server):
  baseline  reference A: a SIPp caller straight to SIPp answerers
  kamailio  reference B: the same callers and answerers with Kamailio as a stateful proxy (tm + rr) in between
  acd       our server (./acd run) with a load-test configuration, reps at SIPp answerers; "not available yet"
            while the server cannot take calls; then, on the same server, "ACD with media": N calls at once with
            RTP relayed and recorded (250, 500, 1,000; quick: 100), loss and jitter on both sides of the relay
  register  on the same server: SIPp softphones REGISTER with MD5 digest (401, then credentials), stepping the rate
  mixed     on the same server: answered, abandoned, ring-no-answer and transferred calls at once, dispositions
            through the API while it is read (GET endpoints, the WebSocket feed); the load's counts against /api/stats
  media     RTP: SIPp callers stream G.711 to SIPp answerers that echo it; loss and jitter of the echoed streams

Every stepped scenario (baseline, kamailio, acd, register) then runs a second pass at 10, 25, 50, 75 and 100% of its
highest passing rate, for CPU per call and setup p99 against the load (flat cost: 100% within 20% of 10%). The run
stops starting steps and scenarios once --budget seconds are spent (840; quick 300) and says what it skipped.
"""

import argparse
import datetime
import math
import os
import re
import subprocess
import sys
import time

import proc
import sipp

PERF = sipp.PERF
ROOT = os.path.dirname(PERF)
# media (the relay's reference, short) runs before the server's scenarios, so that a spent budget cuts those last.
ORDER = ["baseline", "kamailio", "media", "acd", "register", "mixed"]
ON_SERVER = ("acd", "register", "mixed")  # these share one ./acd run


class Plan:
    """Step rates and sizes for a full or a quick run."""

    def __init__(self, quick, rates=None, step_seconds=None, hold_ms=None):
        self.quick = quick
        self.rates = rates or ([100, 400] if quick else [100, 200, 400, 800, 1200, 1600, 2000, 3000, 4000, 6000, 8000, 10000])
        # 5 s steps (8 s before the growth pass, registrations and the mixed day were added) keep a full run
        # under 15 minutes on 2 cores; at 1,000 calls/s that is still 5,000 calls a step.
        self.step_seconds = step_seconds or (3 if quick else 5)
        self.hold_ms = hold_ms if hold_ms is not None else (500 if quick else 1000)
        self.calls_per_pair = 800  # one SIPp pair tops out near 1,000 calls/s; keep each well under it
        self.scenario_budget_s = 60 if quick else 90
        # The whole run's end (time.monotonic()): past it no step or scenario starts (run() sets it from --budget).
        self.deadline = float("inf")
        self.growth = True
        self.growth_seconds = 2 if quick else 4
        # A quick run checks the pass works with its two ends only.
        self.growth_fractions = (0.10, 1.00) if quick else GROWTH_FRACTIONS
        self.register_rates = None
        self.mixed_rate = None
        self.mixed_seconds = None

    def pairs(self, rate):
        return max(1, math.ceil(rate / self.calls_per_pair))


class ScenarioResult:
    def __init__(self, name, title, sut):
        self.name, self.title, self.sut = name, title, sut
        self.steps, self.notes, self.commands = [], [], []
        self.status = "ran"  # or "not available yet: ...", "failed: ..."
        self.limit = None
        self.extra_rows = []  # for scenarios with their own table (media)
        self.extra_header = None
        self.memory = []  # (calls at once, live calls, heap MiB and anonymous RSS MiB per 1,000 live calls)
        self.growth = []  # the second pass at fractions of the best rate (growth_pass)
        self.growth_top = None
        self.unit = ("calls", "call")  # what one SIPp "call" is here, plural and singular

    def best(self):
        passing = [s for s in self.steps if getattr(s, "verdict", None) is None]
        return max(passing, key=lambda s: s.achieved) if passing else None


def step_up(result, plan, workdir, remote, targets, service, callers_file, sut, answerers, log, after_step=None,
            scenario_file="uac-call.xml", judge=None):
    """Raises the rate step by step until a step is past the limit (failures, setup p99, rate not reached) or the
    scenario's time budget is spent. `after_step(step)`, when given, is called after each step and may return a
    verdict of its own (the ACD's calls that SIPp saw answered but no rep took)."""
    # What the processes under test burn with no calls (timers, idle loops) is taken off their CPU per call.
    idle = [idle_cpu(sut, 2)]
    result.notes.append(f"{result.sut} with no calls: {100 * idle[0]:.1f}% of a core; subtracted from CPU per call.")

    def one(rate, name, seconds=None):
        st = sipp.run_step(os.path.join(workdir, name), rate, seconds or plan.step_seconds, plan.pairs(rate), remote,
                           targets, service, callers_file, plan.hold_ms, sut, answerers, sut_idle_cpu_per_s=idle[0],
                           scenario_file=scenario_file)
        own = after_step(st) if after_step else None
        st.verdict = (judge or sipp.verdict)(st) or own
        return st

    started = time.monotonic()
    for rate in plan.rates:
        if time.monotonic() > plan.deadline:
            result.notes.append(f"stopped before {rate} calls/s: the run's time budget was spent")
            break
        if time.monotonic() - started > plan.scenario_budget_s:
            result.notes.append(f"stopped before {rate} calls/s: the scenario's time budget "
                                f"({plan.scenario_budget_s} s) was spent")
            break
        pairs = plan.pairs(rate)
        step = one(rate, f"rate-{rate}")
        if step.verdict and not plan.quick:
            # On a shared machine one descheduled moment can push a step's p99 over: a step past the limit runs
            # once more, and the run stops only when it fails twice.
            log(f"  {rate:>5} {result.unit[0]}/s: {step.verdict}; running the step once more")
            first = step
            step = one(rate, f"rate-{rate}-again")
            step.retry_of = first
        result.steps.append(step)
        if not result.commands:
            result.commands.append(step.command)
        per_s = result.unit[0] + "/s"
        log(f"  {rate:>5} {per_s} x {plan.step_seconds} s ({pairs} caller(s)): {step.achieved} {per_s}, "
            f"failed {step.failed}/{step.calls}, setup p50/p99 {step.p50:.0f}/{step.p99:.0f} ms, "
            f"{step.sut_cpu_ms:.3f} ms CPU/call; {step.verdict or 'ok'}")
        if step.verdict:
            result.limit = f"{step.verdict} at {rate} {result.unit[0]}/s"
            break
    else:
        result.limit = f"not reached: the highest step ({plan.rates[-1]} {result.unit[0]}/s) passed"
    if result.best() is not None and plan.growth:
        # Idle again, longer: the growth pass's low steps are the ones the subtraction matters most for.
        time.sleep(2)
        idle[0] = idle_cpu(sut, 4)
        result.growth_idle = idle[0]
    growth_pass(result, plan, one, log, unit=result.unit[0] + "/s")


def idle_cpu(sut, seconds):
    """The processes' CPU with no load, in cores."""
    cpu0, t0 = sut.cpu(), time.monotonic()
    time.sleep(seconds)
    return (sut.cpu() - cpu0) / (time.monotonic() - t0)


GROWTH_FRACTIONS = (0.10, 0.25, 0.50, 0.75, 1.00)


def growth_pass(result, plan, one, log, unit="calls/s"):
    """A second pass after the step-up: the same load at 10%, 25%, 50%, 75% and 100% of the highest rate that passed,
    one step each, in that order, so CPU per call and setup p99 can be read against the load (the flat-cost goal
    compares CPU per call at 100% with 10%). `one(rate, name, seconds)` runs one step and returns it."""
    best = result.best()
    if best is None or not plan.growth:
        return
    fractions = getattr(plan, "growth_fractions", GROWTH_FRACTIONS)
    if time.monotonic() + len(fractions) * (plan.growth_seconds + 3) > plan.deadline:
        result.notes.append("no growth pass: the run's time budget was spent")
        return
    top = best.target
    result.growth_top = top
    for frac in fractions:
        rate = max(1, int(round(top * frac)))
        step = one(rate, f"growth-{int(frac * 100)}", plan.growth_seconds)
        step.fraction = frac
        result.growth.append(step)
        log(f"  growth {int(frac * 100):>3}% = {rate} {unit}: {step.achieved} achieved, failed {step.failed}/"
            f"{step.calls}, p99 {step.p99:.0f} ms, {step.sut_cpu_ms:.3f} ms CPU each; {step.verdict or 'ok'}")


def scenario_baseline(plan, workdir, log):
    result = ScenarioResult("baseline", "A. SIPp caller -> SIPp answerers (no server)", "SIPp answerers")
    ports = [5101 + i for i in range(plan.pairs(plan.rates[-1]))]
    callers = os.path.join(workdir, "callers.csv")
    sipp.write_callers(callers, ["+15550100001"])
    answerers = sipp.Answerers(os.path.join(workdir, "answerers"), ports)
    result.commands.append(answerers.command)
    try:
        targets = [f"{sipp.LOCAL}:{p}" for p in ports]
        step_up(result, plan, workdir, targets, targets, "rep", callers, answerers.group(), answerers.group(), log)
    finally:
        answerers.stop()
    return result


def _kamailio_modules():
    for d in ("/usr/lib/x86_64-linux-gnu/kamailio/modules", "/usr/lib/kamailio/modules",
              "/usr/lib64/kamailio/modules", "/usr/local/lib64/kamailio/modules"):
        if os.path.exists(os.path.join(d, "tm.so")):
            return d
    out = subprocess.run(["sh", "-c", "dirname $(find /usr -name tm.so -path '*kamailio*' | head -1)"],
                         capture_output=True, text=True).stdout.strip()
    return out


class Kamailio:
    """Kamailio in the foreground (-DD -E), from perf/kamailio/proxy.cfg.tmpl, as nobody when run by root."""

    def __init__(self, workdir, port, children):
        os.makedirs(workdir, exist_ok=True)
        os.chmod(workdir, 0o777)
        with open(os.path.join(PERF, "kamailio", "proxy.cfg.tmpl")) as f:
            cfg = f.read()
        cfg = (cfg.replace("@PORT@", str(port)).replace("@CHILDREN@", str(children))
               .replace("@MODULES@", _kamailio_modules()))
        self.cfg = os.path.join(workdir, "kamailio.cfg")
        with open(self.cfg, "w") as f:
            f.write(cfg)
        check = subprocess.run(["kamailio", "-c", "-f", self.cfg], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError("kamailio -c refused the configuration:\n" + check.stderr[-2000:])
        cmd = ["kamailio", "-f", self.cfg, "-DD", "-E", "-Y", workdir, "-w", workdir, "-m", "1024", "-M", "16"]
        if os.geteuid() == 0:
            cmd += ["-u", "nobody", "-g", "nogroup"]
        self.command = " ".join(cmd).replace(workdir, "RUNDIR")
        self.log = os.path.join(workdir, "kamailio.log")
        self.proc = subprocess.Popen(cmd, cwd=workdir, stdin=subprocess.DEVNULL, stdout=open(self.log, "w"),
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while not proc.udp_port_bound(port) or len(proc.tree(self.proc.pid)) < children + 1:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"kamailio did not start; see {self.log}")
            time.sleep(0.1)

    def group(self):
        return proc.Group(lambda: proc.tree(self.proc.pid) if self.proc.poll() is None else [])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def scenario_kamailio(plan, workdir, log):
    result = ScenarioResult("kamailio", "B. SIPp caller -> Kamailio (stateful proxy, tm + rr) -> SIPp answerers",
                            "Kamailio")
    port = 5200
    ports = [5201 + i for i in range(plan.pairs(plan.rates[-1]))]
    callers = os.path.join(workdir, "callers.csv")
    sipp.write_callers(callers, ["+15550100001"])
    children = os.cpu_count() or 2
    answerers = sipp.Answerers(os.path.join(workdir, "answerers"), ports)
    try:
        kam = Kamailio(os.path.join(workdir, "kamailio"), port, children)
    except Exception:
        answerers.stop()
        raise
    result.commands += [kam.command + "   # RUNDIR/kamailio.cfg from perf/kamailio/proxy.cfg.tmpl, "
                        f"children={children}", answerers.command]
    result.notes.append(f"Kamailio {kamailio_version()} with {children} UDP workers, shared memory 1 GiB (at 256 MB it ran out at 2,000 calls/s: "
                        "finished transactions wait in memory for tm's timers).")
    try:
        targets = [f"{sipp.LOCAL}:{p}" for p in ports]
        step_up(result, plan, workdir, [f"{sipp.LOCAL}:{port}"], targets, "rep", callers, kam.group(),
                answerers.group(), log)
    finally:
        kam.stop()
        answerers.stop()
    return result


def kamailio_version():
    out = subprocess.run(["kamailio", "-v"], capture_output=True, text=True).stdout
    m = re.search(r"kamailio (\d+\.\d+\.\d+)", out)
    return m.group(1) if m else "?"


def run(args):
    plan = Plan(args.quick, rates=args.rates, step_seconds=args.step_seconds, hold_ms=args.hold_ms)
    plan.growth = not args.no_growth
    budget = args.budget or (300 if plan.quick else 840)
    plan.deadline = time.monotonic() + budget
    plan.register_rates, plan.mixed_rate, plan.mixed_seconds = args.register_rates, args.mixed_rate, args.mixed_seconds
    plan.media_levels = args.media_levels
    plan.router_wait = args.router_wait
    plan.io_threads = args.io_threads
    chosen = args.only or ORDER
    stamp = datetime.datetime.now(datetime.timezone.utc)
    workdir = args.workdir or os.path.join(PERF, "target", "load", stamp.strftime("%Y%m%d-%H%M%S"))
    os.makedirs(workdir, exist_ok=True)
    log = lambda line: print(line, flush=True)
    machine = proc.machine()
    load_before = proc.load_average()
    log(f"perf/run: {'quick' if plan.quick else 'full'} run of {', '.join(chosen)}; work files in "
        f"{os.path.relpath(workdir, ROOT)}; load average {load_before}")
    t0 = time.monotonic()
    results, timings = [], []
    import acd
    import media
    acd.set_port_offset(args.port_offset)
    runners = {"baseline": scenario_baseline, "kamailio": scenario_kamailio,
               "acd": lambda p, w, l: acd.scenario(p, w, l, results, [n for n in ON_SERVER if n in chosen]),
               "media": media.scenario}
    for name in ORDER:
        if name in ON_SERVER and any(n in chosen for n in ON_SERVER):
            if name != next(n for n in ON_SERVER if n in chosen):
                continue
            name = "acd"
        elif name not in chosen:
            continue
        if time.monotonic() > plan.deadline:
            r = ScenarioResult(name, name, "")
            r.status = f"not run: the run's time budget ({budget} s, --budget) was spent"
            results.append(r)
            log(f"{name}: {r.status}")
            continue
        log(f"{name}:")
        os.makedirs(os.path.join(workdir, name), exist_ok=True)
        started = time.monotonic()
        try:
            got = runners[name](plan, os.path.join(workdir, name), log)
            results.extend(got if isinstance(got, list) else [got])
            timings.append((name, time.monotonic() - started))
            log(f"  ({name}: {timings[-1][1]:.0f} s)")
        except Exception as e:  # one broken scenario must not lose the others' figures
            r = ScenarioResult(name, name, "")
            first = str(e).splitlines()[0] if str(e) else type(e).__name__
            r.status = f"failed: {first}"
            r.notes.append(f"{type(e).__name__}: {e}")
            results.append(r)
            log(f"  failed: {e}")
    elapsed = time.monotonic() - t0
    import report
    text = report.render(results, plan, machine, load_before, proc.load_average(), elapsed, stamp,
                         " ".join(["perf/run"] + sys.argv[1:]), timings)
    print()
    print(text)
    if not args.no_record:
        target = args.record_to or os.path.join(PERF, "RESULTS.md")
        report.append(target, text)
        log(f"appended to {os.path.relpath(target)} ({elapsed:.0f} s in all)")
    else:
        log(f"not recorded (--no-record); {elapsed:.0f} s in all")
    return 0 if all(not r.status.startswith("failed") for r in results) else 1


def main():
    p = argparse.ArgumentParser(prog="perf/run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", type=lambda s: [x for x in s.split(",") if x], default=None,
                   help="comma-separated scenarios to run: " + ",".join(ORDER))
    p.add_argument("--quick", action="store_true", help="smoke run: two short steps per scenario")
    p.add_argument("--rates", type=lambda s: [int(x) for x in s.split(",")], help="step rates, calls/s")
    p.add_argument("--step-seconds", type=int, help="seconds of calls per step (5; quick 3)")
    p.add_argument("--hold-ms", type=int, help="talk time of each call in ms (1000; quick 500)")
    p.add_argument("--register-rates", type=lambda s: [int(x) for x in s.split(",")],
                   help="registration step rates, per second (500,1000,2000,3000,4000,5000; quick 100,300)")
    p.add_argument("--media-levels", type=lambda s: [int(x) for x in s.split(",")],
                   help="calls at once for the ACD with media (1000; quick 100)")
    p.add_argument("--mixed-rate", type=float,
                   help="the mixed day's calls/s, all kinds together (half the ACD's best passing rate, at most 200; "
                        "quick 30)")
    p.add_argument("--mixed-seconds", type=int, help="how long the mixed day's callers call (30; quick 8)")
    p.add_argument("--no-growth", action="store_true",
                   help="skip the second pass at 10/25/50/75/100%% of the highest passing rate")
    p.add_argument("--port-offset", type=int, default=0,
                   help="move the server's ports (SIP 5300, HTTP 18080, answerers 5301-5307, echo 16000, callers' RTP "
                        "18000) up by this much and its relay range from 30000-39999 to 40000-49999, to run beside "
                        "another server on the defaults (the baseline, kamailio and media scenarios' ports stay)")
    p.add_argument("--budget", type=int,
                   help="seconds the run may take (840, quick 300): past it no further step or scenario starts, so "
                        "the whole run stays under 15 minutes; what was skipped is said in the table")
    p.add_argument("--router-wait", choices=["blocking", "sleeping", "yielding"],
                   help="the server's routerWaitStrategy (the configuration's default: blocking)")
    p.add_argument("--io-threads", type=int,
                   help="the server's sip.ioThreads: event loops for SIP and the RTP relay (the default: twice the "
                        "cores)")
    p.add_argument("--no-record", action="store_true", help="print the table only; leave perf/RESULTS.md alone")
    p.add_argument("--record-to", help="append the results to this file instead of perf/RESULTS.md")
    p.add_argument("--workdir", help="where SIPp's and the servers' files go (perf/target/load/<time>)")
    args = p.parse_args()
    for name in args.only or []:
        if name not in ORDER:
            p.error(f"--only: unknown scenario '{name}'; choose from {', '.join(ORDER)}")
    sys.exit(run(args))


if __name__ == "__main__":
    main()
