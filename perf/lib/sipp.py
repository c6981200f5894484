"""SIPp processes for load runs: answerers that live for a whole scenario, and callers started for each step of the
call rate. Each caller writes its statistics (-trace_stat) and every call's setup time (-trace_rtt) into its own
directory, which this module reads back."""

import csv
import glob
import math
import os
import re
import signal
import subprocess
import time

import proc

PERF = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = os.path.join(PERF, "sipp")
LOCAL = "127.0.0.1"
# Socket buffers deep enough to ride out a moment without CPU (the kernel caps them at net.core.rmem_max).
BUFFER_BYTES = "4194304"


def scenario(name):
    return os.path.join(SCENARIOS, name)


class Answerers:
    """SIPp UAS processes on consecutive UDP ports, each answering any user part (one stands for many reps)."""

    def __init__(self, workdir, ports, scenario_file="uas-answer.xml", extra=(), extra_per_port=None):
        self.ports = list(ports)
        self.procs = []
        os.makedirs(workdir, exist_ok=True)
        for port in self.ports:
            d = os.path.join(workdir, f"uas-{port}")
            os.makedirs(d, exist_ok=True)
            cmd = ["sipp", "-sf", scenario(scenario_file), "-i", LOCAL, "-p", str(port), "-nostdin",
                   *auto_answer(scenario_file), "-trace_err", "-error_file", os.path.join(d, "errors.log"), "-buff_size", BUFFER_BYTES, *extra,
                   *(extra_per_port(len(self.procs)) if extra_per_port else ())]
            self.procs.append(subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                               stderr=open(os.path.join(d, "stderr.log"), "w")))
        deadline = time.monotonic() + 10
        while not all(proc.udp_port_bound(p) for p in self.ports):
            if time.monotonic() > deadline or any(p.poll() is not None for p in self.procs):
                self.stop()
                raise RuntimeError(f"SIPp answerers did not bind {self.ports}; see {workdir}/uas-*/stderr.log")
            time.sleep(0.1)
        self.command = " ".join(cmd[:1] + ["-sf", "perf/sipp/" + scenario_file, "-i", LOCAL, "-p", "PORT"]
                                + auto_answer(scenario_file) + list(extra))

    def group(self):
        return proc.Group(lambda: [p.pid for p in self.procs if p.poll() is None])

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGUSR1)  # SIPp's "quit now"
        for p in self.procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def write_callers(path, numbers):
    """A SIPp injection file of caller numbers, used in turn."""
    with open(path, "w") as f:
        f.write("SEQUENTIAL\n")
        for n in numbers:
            f.write(f"{n};\n")


class StepResult:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def row(self):
        return self.__dict__


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, math.ceil(q * len(sorted_values)) - 1))
    return sorted_values[k]


def _read_stats(d):
    """The last -trace_stat row, and the largest CurrentCall seen, of one caller."""
    files = glob.glob(os.path.join(d, "*_.csv")) + glob.glob(os.path.join(d, "stat.csv"))
    last, peak = {}, 0
    for fn in files:
        with open(fn, newline="") as f:
            for row in csv.DictReader(f, delimiter=";"):
                last = row
                try:
                    peak = max(peak, int(row.get("CurrentCall", 0)))
                except ValueError:
                    pass
    return last, peak


_ERROR_FINAL = re.compile(r"Call-Id '([^']+)'[^\n]*received 'SIP/2\.0 ([3-6]\d\d)")
_TIMED_OUT = re.compile(r"Call-Id: (\S+), receive timeout on message [^\n]*without label")


def _read_errors(d):
    """Calls that got a 3xx-6xx final (the callers log it and go on, see -default_behaviors) or timed out, by
    Call-ID, and how many error answers there were."""
    failed, answers = set(), 0
    try:
        with open(os.path.join(d, "errors.log"), errors="replace") as f:
            text = f.read()
    except OSError:
        return failed, answers
    for m in _ERROR_FINAL.finditer(text):
        failed.add(m.group(1))
        answers += 1
    failed.update(m.group(1) for m in _TIMED_OUT.finditer(text))
    return failed, answers


def _read_rtt(d):
    """Every call's setup time (ms) and the first and last time (ms since start) one was measured."""
    values, first, last = [], None, None
    for fn in glob.glob(os.path.join(d, "*_rtt.csv")):
        with open(fn) as f:
            next(f, None)
            for line in f:
                parts = line.strip().split(";")
                if len(parts) < 3:
                    continue
                at, rtt = float(parts[0]), float(parts[1])
                values.append(rtt)
                first = at if first is None else min(first, at)
                last = at if last is None else max(last, at)
    return values, first, last


def run_step(workdir, rate, seconds, pairs, remote, targets, service, callers_file, hold_ms, sut, answerers,
             extra=(), sut_idle_cpu_per_s=0.0, scenario_file="uac-call.xml"):
    """Drives `rate` calls/s for `seconds` s from `pairs` SIPp callers (an equal share each) at `remote`, with the
    Request-URI sip:<service>@<targets[i]> (service may be a list, taken in turn like targets); waits until every call has ended; returns what it measured.
    `sut` is the proc.Group under test (its CPU and memory are read), `answerers` the SIPp answerers' group."""
    os.makedirs(workdir, exist_ok=True)
    services = service if isinstance(service, list) else [service]
    share = rate / pairs
    calls_each = max(1, int(round(share * seconds)))
    cmds, procs, dirs = [], [], []
    # SIPp writes the setup times every rtt_freq calls and drops the last unwritten ones: small steps need a small one.
    rtt_freq = max(1, min(100, calls_each // 100))
    sut_cpu0, ans_cpu0 = sut.cpu(), answerers.cpu()
    t0 = time.monotonic()
    for i in range(pairs):
        d = os.path.join(workdir, f"uac-{i}")
        os.makedirs(d, exist_ok=True)
        dirs.append(d)
        cmd = ["sipp", remote[i % len(remote)], "-sf", scenario(scenario_file), "-key", "target",
               targets[i % len(targets)], "-s", services[i % len(services)], "-inf", callers_file, "-i", LOCAL, "-p", "0",
               "-r", f"{share:g}", "-rp", "1000", "-m", str(calls_each), "-d", str(hold_ms),
               "-recv_timeout", "5000", "-timeout", f"{seconds + hold_ms / 1000 + 20:.0f}s",
               "-trace_rtt", "-rtt_freq", str(rtt_freq), "-trace_stat", "-stf", "stat.csv", "-fd", "1",
               "-trace_err", "-error_file", "errors.log", "-nostdin", *auto_answer(scenario_file),
               "-buff_size", BUFFER_BYTES,
               # A proxy with several workers may pass a 180 on after the 200 (UDP keeps no order across them):
               # log such a message and go on rather than abort the call.
               "-default_behaviors", "all,-abortunexp", *extra]
        cmds.append(cmd)
        procs.append(subprocess.Popen(cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=open(os.path.join(d, "stderr.log"), "w")))
    caller_cpu, exit_codes, peak_mem = 0.0, [], 0
    pending = {p.pid: p for p in procs}
    while pending:
        for pid in list(pending):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                pending.pop(pid).returncode = os.waitstatus_to_exitcode(status)
                exit_codes.append(os.waitstatus_to_exitcode(status))
                caller_cpu += usage.ru_utime + usage.ru_stime
        peak_mem = max(peak_mem, sut.memory_kib())
        if pending:
            time.sleep(0.25)
    wall = time.monotonic() - t0
    sut_cpu, ans_cpu = sut.cpu() - sut_cpu0, answerers.cpu() - ans_cpu0
    same = set(sut.pids()) == set(answerers.pids())
    sut_net = max(0.0, sut_cpu - sut_idle_cpu_per_s * wall)

    created = succeeded = failed = peak_calls = retrans = error_answers = 0
    failed_ids = set()
    rtts, rate_achieved = [], 0.0
    for d in dirs:
        last, peak = _read_stats(d)
        created += int(last.get("TotalCallCreated", 0) or 0)
        succeeded += int(last.get("SuccessfulCall(C)", 0) or 0)
        failed += int(last.get("FailedCall(C)", 0) or 0)
        retrans += int(last.get("Retransmissions(C)", 0) or 0)
        ids, answers = _read_errors(d)
        failed_ids |= {f"{d}/{i}" for i in ids}
        error_answers += answers
        peak_calls += peak
        values, first, lastat = _read_rtt(d)
        rtts.extend(values)
        if values and lastat > first:
            rate_achieved += (len(values) - 1) / ((lastat - first) / 1000)
    rtts.sort()
    planned = calls_each * pairs
    # Calls never started (SIPp could not keep the rate) or never finished count as failed.
    failed = max(failed, planned - succeeded, len(failed_ids))
    return StepResult(
        target=rate, achieved=round(rate_achieved), pairs=pairs, calls=planned, succeeded=succeeded, failed=failed,
        failed_pct=100.0 * failed / planned if planned else 0.0,
        p50=percentile(rtts, 0.50), p90=percentile(rtts, 0.90), p99=percentile(rtts, 0.99),
        max=rtts[-1] if rtts else float("nan"), concurrent=peak_calls, retransmissions=retrans,
        error_answers=error_answers,
        # Everything this step ran (processes under test, answerers, callers) as a share of all cores: near 100%
        # the machine, not the process under test, is the limit.
        machine_cpu_pct=100 * (sut_cpu + caller_cpu + (0 if same else ans_cpu)) / wall / (os.cpu_count() or 1),
        sut_cpu_ms=1000 * sut_net / succeeded if succeeded and sut_net > 0 else float("nan"),
        sut_cpu_gross_ms=1000 * sut_cpu / succeeded if succeeded else float("nan"),
        sut_cpu_pct=100 * sut_cpu / wall, sut_mem_mib=peak_mem / 1024,
        answerer_cpu_ms=1000 * ans_cpu / succeeded if succeeded else float("nan"),
        caller_cpu_ms=1000 * caller_cpu / succeeded if succeeded else float("nan"),
        wall=wall, exit_codes=exit_codes, command=" ".join(_shown(cmds[0])), workdir=workdir)


def auto_answer(scenario_file):
    """-aa: SIPp answers the ACD's in-dialog OPTIONS keepalives (sip.calls.keepaliveSeconds) with 200 instead of
    aborting the call on an unexpected request; left off where the scenario itself waits for a NOTIFY."""
    return [] if scenario_file == "uas-transfer.xml" else ["-aa"]


def _shown(cmd):
    """The caller's command as a reader would type it, paths relative to the repository."""
    root = os.path.dirname(PERF)
    return [c.replace(root + "/", "") for c in cmd]


def verdict(step, max_fail_pct=0.1, max_p99_ms=200, min_rate_share=0.9):
    """Why a step is past the limit, or None when it is within it."""
    if step.failed_pct > max_fail_pct:
        return f"failures {step.failed_pct:.2f}% > {max_fail_pct}%"
    if not step.p99 <= max_p99_ms:
        return f"setup p99 {step.p99:.0f} ms > {max_p99_ms} ms"
    if step.achieved < min_rate_share * step.target:
        return f"callers reached {step.achieved} of {step.target} calls/s"
    return None
