"""Registrations scenario: SIPp softphones REGISTER with MD5 digest against the running `./acd run` (its registrar, as
the server wires it), stepping the rate like the call scenarios. One SIPp "call" is one registration: REGISTER, 401
with a challenge, REGISTER with credentials, 200. The users are the load-test configuration's softphone reps
(soft-0001 and up, perf/lib/make_load_config.py), each with its own password; they are used in turn, so every
registration after the first round refreshes a binding. A step passes with under 0.1% failed registrations."""

import os

import make_load_config as cfg
import sipp

RATES_FULL = [500, 1000, 2000, 3000, 4000, 5000]
RATES_QUICK = [100, 300]


def write_users(path):
    """The SIPp injection file: user in field 0, SIPp's [authentication] keyword with the user's password in field 1."""
    with open(path, "w") as f:
        f.write("SEQUENTIAL\n")
        for i in range(1, cfg.SOFTPHONES + 1):
            user = cfg.soft_id(i)
            f.write(f"{user};[authentication username={user} password={cfg.soft_password(user)}];\n")


def verdict(step):
    """Failures are the limit here; setup time is reported, not judged (a registration waits for nobody)."""
    return sipp.verdict(step, max_p99_ms=float("inf"))


def scenario(plan, workdir, server, log):
    import loadrun
    result = loadrun.ScenarioResult("register", "Registrations: SIPp softphones, MD5 digest -> ./acd run (registrar)",
                                    "acd (JVM)")
    result.unit = ("registrations", "registration")
    os.makedirs(workdir, exist_ok=True)
    users = os.path.join(workdir, "users.csv")
    write_users(users)
    target = f"{sipp.LOCAL}:{cfg.SIP_PORT}"
    rates = plan.register_rates or (RATES_QUICK if plan.quick else RATES_FULL)
    sub = loadrun.Plan(plan.quick, rates=rates, step_seconds=plan.step_seconds, hold_ms=0)
    sub.growth, sub.growth_seconds, sub.growth_fractions = plan.growth, plan.growth_seconds, plan.growth_fractions
    sub.scenario_budget_s = 45 if plan.quick else 90
    sub.deadline = getattr(plan, "deadline", float("inf"))
    sub.calls_per_pair = 2000
    warm = sipp.run_step(os.path.join(workdir, "warm-up"), 300, 2 if plan.quick else 4, 1, [target], [target], "reg",
                         users, 0, server.group(), server.group(), scenario_file="uac-register.xml")
    result.notes.append(f"Warm-up (not in the table): {warm.calls:,} registrations at 300/s, {warm.failed} failed, "
                        f"{warm.sut_cpu_ms:.2f} ms CPU each while the JIT compiled.")
    log(f"  warm-up: {warm.calls} registrations, {warm.failed} failed")
    loadrun.step_up(result, sub, workdir, [target], [target], "reg", users, server.group(), server.group(), log,
                    scenario_file="uac-register.xml", judge=verdict)
    result.notes.append(f"{cfg.SOFTPHONES:,} softphone users in realm {cfg.REALM}, the server offering MD5 only "
                        "(sip.digest.algorithms: [MD5]; SIPp 3.6 answers only the first challenge). Setup time here is "
                        "the first REGISTER to the 200. A step is past the limit at 0.1% failed registrations or "
                        "when SIPp cannot reach 90% of the rate; p99 is not judged.")
    return result
