"""The results of one perf/run as Markdown: the machine, each scenario's steps, the limits and the ratios."""

import math
import os
import subprocess

import sipp

SECTION = "## Call load: SIPp, Kamailio and the ACD (perf/run)"
SECTION_INTRO = """
What: `perf/run` drives SIP calls (INVITE, 180, 200, ACK, a short talk, BYE) from SIPp callers
(`perf/sipp/uac-call.xml`) at stepped rates, each step for a few seconds, until a step is past the limit: more than
0.1% failed calls, setup time (INVITE sent to 200 received, SIPp `-trace_rtt`) p99 over 200 ms, or the callers not
reaching 90% of the rate. The same callers and answerers (`perf/sipp/uas-answer.xml`) are used for A (SIPp to
SIPp), B (Kamailio as a stateful proxy, `perf/kamailio/proxy.cfg.tmpl`) and our server (`./acd run` with
`perf/config/load-test.yaml`). CPU per call is the utime + stime (from /proc) of the processes under test during a
step divided by the calls it completed; memory is their largest proportional set size (PSS) during the step. Each
run below is appended by `perf/run` itself; the numbers are from a shared 2-core machine, so read the load average
with them. Registrations (`perf/sipp/uac-register.xml`, MD5 digest) and the mixed day (answered, abandoned,
ring-no-answer and transferred calls, dispositions, the API read meanwhile, counts checked against `/api/stats`) run
on the same server; every stepped scenario ends with a growth pass at 10-100% of its best rate. perf/README.md
describes each scenario and option.
"""


def _commit():
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=sipp.PERF).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":!RESULTS.md"], capture_output=True,
                               text=True, cwd=sipp.PERF).stdout.strip()
        return out + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


def _f(v, digits=0):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    return f"{v:,.{digits}f}"


def steps_table(result):
    lines = ["| target calls/s | achieved | callers | calls | failed | error answers | caller retransmissions | "
             "setup p50 / p90 / p99 / max ms | concurrent | " + result.sut + " CPU ms/call | " + result.sut
             + " CPU % | " + result.sut + " MiB | answerers CPU ms/call | callers CPU ms/call | all of them, % of the machine | "
             "within limit |",
             "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    plural, single = getattr(result, "unit", ("calls", "call"))
    if plural != "calls":
        lines[0] = (lines[0].replace("calls/s", plural + "/s").replace("ms/call", "ms/" + single)
                    .replace("| calls |", f"| {plural} |"))
    reps = any(hasattr(s, "answered") for s in result.steps)
    if reps:
        lines[0] = lines[0].replace("| concurrent |", "| answered by a rep / abandoned | concurrent |")
        lines[1] += "---:|"
    for s in result.steps:
        if getattr(s, "retry_of", None):
            lines.append(f"| {s.target:,} (first try) | {s.retry_of.achieved:,} | | | {s.retry_of.failed:,} | "
                         f"{s.retry_of.error_answers:,} | | p99 {_f(s.retry_of.p99)} | " + ("| " if reps else "")
                         + f"| | | | | | {_f(s.retry_of.machine_cpu_pct)} | {s.retry_of.verdict} |")
        lines.append(f"| {s.target:,} | {s.achieved:,} | {s.pairs} | {s.calls:,} | {s.failed:,} "
                     f"({s.failed_pct:.2f}%) | {s.error_answers:,} | {s.retransmissions:,} | {_f(s.p50)} / {_f(s.p90)} / {_f(s.p99)} / {_f(s.max)} | "
                     + (f"{getattr(s, 'answered', '-'):,} / {getattr(s, 'abandoned', '-'):,} | " if reps else "")
                     + f"{s.concurrent:,} | {_f(s.sut_cpu_ms, 3)} | {_f(s.sut_cpu_pct)} | {_f(s.sut_mem_mib, 1)} | "
                     f"{_f(s.answerer_cpu_ms, 3)} | {_f(s.caller_cpu_ms, 3)} | {_f(s.machine_cpu_pct)} | "
                     f"{s.verdict or 'yes'} |")
    return "\n".join(lines)


def growth(result):
    """CPU per call at the passing step nearest 10% of the best rate against at the best rate."""
    best = result.best()
    if best is None:
        return None
    passing = [s for s in result.steps if s.verdict is None]
    low = min(passing, key=lambda s: abs(s.achieved - 0.1 * best.achieved))
    if low is best or not low.sut_cpu_ms or math.isnan(low.sut_cpu_ms):
        return None
    return low, best, 100 * (best.sut_cpu_ms / low.sut_cpu_ms - 1)


def growth_table(result):
    """The second pass: each fraction of the best rate, and the flat-cost check (CPU per call at 100% against 10%,
    goal: within 20%)."""
    plural, single = getattr(result, "unit", ("calls", "call"))
    rows = [f"| share of the best rate | asked {plural}/s | achieved | {plural} | failed | setup p50 / p99 ms | "
            + result.sut + f" CPU ms per {single}, idle taken off | the same with idle | " + result.sut
            + " CPU % | within limit |",
            "|---:|---:|---:|---:|---:|---|---:|---:|---:|---|"]
    for s in result.growth:
        rows.append(f"| {int(round(100 * s.fraction))}% | {s.target:,} | {s.achieved:,} | {s.calls:,} | {s.failed:,} "
                    f"({s.failed_pct:.2f}%) | {_f(s.p50)} / {_f(s.p99)} | {_f(s.sut_cpu_ms, 3)} | "
                    f"{_f(getattr(s, 'sut_cpu_gross_ms', None), 3)} | {_f(s.sut_cpu_pct)} | {s.verdict or 'yes'} |")
    low = next((s for s in result.growth if s.fraction <= 0.1), None)
    high = next((s for s in result.growth if s.fraction >= 1.0), None)
    idle = getattr(result, "growth_idle", None)
    out = [f"How it grows (a second pass after the step-up, {len(result.growth)} steps at shares of "
           f"{result.growth_top:,}, the highest rate that passed"
           + (f"; idle {100 * idle:.1f}% of a core, read for 4 s right before" if idle is not None else "")
           + "):", "", *rows, ""]
    if low and high and low.sut_cpu_ms and not math.isnan(low.sut_cpu_ms) and not math.isnan(high.sut_cpu_ms):
        pct = 100 * (high.sut_cpu_ms / low.sut_cpu_ms - 1)
        out.append(f"Flat cost: CPU per {single} at 100% ({high.sut_cpu_ms:.3f} ms) against 10% ({low.sut_cpu_ms:.3f} ms): "
                   f"{pct:+.0f}%; goal within 20%: **{'met' if abs(pct) <= 20 else 'not met'}**.")
        out.append("")
    elif low and high:
        out.append(f"Flat cost: cannot be told from this pass: at 10% the CPU used did not exceed the idle CPU "
                   f"(gross {_f(getattr(low, 'sut_cpu_gross_ms', None), 3)} ms per {single}).")
        out.append("")
    return out


def _memory(r, quick=False):
    """The largest level's heap and anonymous RSS per 1,000 live calls, with how many calls were live."""
    if not getattr(r, "memory", None):
        return "-"
    n, live, heap, rss = max(r.memory, key=lambda m: m[1])
    # A quick run's few hundred calls and 6 s baseline measure the harness, not the server's memory.
    return f"{heap:,.1f} / {rss:,.1f} ({live:,} live" + (", quick: not a figure to quote)" if quick else ")")


def _flat(r):
    low = next((s for s in getattr(r, "growth", []) if s.fraction <= 0.1), None)
    high = next((s for s in getattr(r, "growth", []) if s.fraction >= 1.0), None)
    if not low or not high or not low.sut_cpu_ms or math.isnan(low.sut_cpu_ms) or math.isnan(high.sut_cpu_ms):
        return "-"
    return f"{100 * (high.sut_cpu_ms / low.sut_cpu_ms - 1):+.0f}%"


def render(results, plan, machine, load_before, load_after, elapsed, stamp, command, timings=()):
    out = [f"### Run {stamp.strftime('%Y-%m-%d %H:%M')} UTC, commit {_commit()}, "
           f"{'quick' if plan.quick else 'full'}",
           "",
           f"Command: `{command}` ({elapsed:.0f} s). Steps of {plan.step_seconds} s, talk time "
           f"{plan.hold_ms} ms per call, rates {', '.join(str(r) for r in plan.rates)} calls/s "
           f"(one SIPp caller per {plan.calls_per_pair} calls/s).",
           "",
           f"Machine: `nproc` = {machine['nproc']}, {machine['cpu']}, {machine['memory']}, kernel "
           f"{machine['kernel']}, {machine['jdk']}. Load average {load_before} before, {load_after} after.",
           ""]
    if timings:
        out += ["Time per scenario: " + ", ".join(f"{n} {t:.0f} s" for n, t in timings)
                + " (acd includes register and mixed when they run: one server serves them).", ""]
    summary = ["| scenario | status | best rate within limit | setup p99 there | CPU ms/call there | "
               "memory MiB | heap / anon RSS MiB per 1,000 live calls | CPU per call 100% vs 10% | what stopped it |",
               "|---|---|---:|---:|---:|---:|---|---:|---|"]
    for r in results:
        b = r.best()
        if b is None and getattr(r, "summary", None):
            m = r.summary
            summary.append(f"| {r.title} | {r.status} | {_f(m['rate'])} calls/s (one rate) | {_f(m['p99'])} ms | "
                           f"{_f(m['cpu_ms'], 3)} | - | {_memory(r, plan.quick)} | - | {r.limit or '-'} |")
            continue
        summary.append(f"| {r.title} | {r.status} | {_f(b.achieved) + ' ' + r.unit[0] + '/s' if b else '-'} | "
                       f"{_f(b.p99) + ' ms' if b else '-'} | {_f(b.sut_cpu_ms, 3) if b else '-'} | "
                       f"{_f(b.sut_mem_mib, 1) if b else '-'} | {_memory(r, plan.quick)} | {_flat(r)} | {r.limit or '-'} |")
    out += summary + [""]
    for r in results:
        out.append(f"**{r.title}** ({r.status})")
        out.append("")
        if r.commands:
            out.append("```")
            out += r.commands
            out.append("```")
            out.append("")
        if r.steps:
            out.append(steps_table(r))
            out.append("")
        if r.extra_rows:
            out.append(r.extra_header)
            out += r.extra_rows
            out.append("")
        g = None if r.growth else growth(r)
        if r.growth:
            out += growth_table(r)
        if g:
            low, best, pct = g
            out.append(f"CPU per call: {low.sut_cpu_ms:.3f} ms at {low.achieved:,} calls/s, "
                       f"{best.sut_cpu_ms:.3f} ms at {best.achieved:,} calls/s ({pct:+.0f}%).")
            out.append("")
        for n in r.notes:
            out.append(f"- {n}")
        if r.notes:
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def append(path, text):
    current = ""
    if os.path.exists(path):
        with open(path) as f:
            current = f.read()
    with open(path, "a") as f:
        if SECTION not in current:
            f.write("\n" + SECTION + "\n" + SECTION_INTRO)
        f.write("\n" + text)
