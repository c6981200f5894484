"""What the processes under test cost, read from /proc: CPU time (utime + stime) and memory (PSS, else RSS)."""

import os

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """utime + stime of one process in seconds, or 0.0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            # The command name may hold spaces: the fields start after its closing parenthesis.
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def memory_kib(pid):
    """Proportional set size in KiB (shared pages split among their users, so a forking server's children are not
    counted twice); resident set size where smaps_rollup cannot be read; 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    """The process ids whose parent is pid."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def tree(pid):
    """pid and every descendant (Kamailio forks its workers)."""
    result, todo = [], [pid]
    while todo:
        p = todo.pop()
        result.append(p)
        todo.extend(children(p))
    return result


class Group:
    """A set of processes measured together, e.g. the SIPp answerers or Kamailio's main process and its workers."""

    def __init__(self, pids_fn):
        self._pids_fn = pids_fn

    def pids(self):
        return self._pids_fn()

    def cpu(self):
        return sum(cpu_seconds(p) for p in self.pids())

    def memory_kib(self):
        return sum(memory_kib(p) for p in self.pids())


def udp_port_bound(port):
    """Whether some socket is bound to this UDP port (IPv4 or IPv6)."""
    want = f":{port:04X}"
    for table in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    local = line.split()[1]
                    if local.endswith(want):
                        return True
        except OSError:
            continue
    return False


def machine():
    """nproc, CPU model, memory, kernel and JDK, as one line each."""
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = 0.0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_gib = int(line.split()[1]) / 1024 / 1024
    import subprocess
    try:
        jdk = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
        jdk = " ".join(jdk[:2]) if jdk else "none"
    except OSError:
        jdk = "none"
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "memory": f"{mem_gib:.1f} GiB",
        "kernel": os.uname().release,
        "jdk": jdk,
    }


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine_cpu():
    """(idle, total) CPU time of the whole machine so far, in ticks (/proc/stat; idle counts I/O wait)."""
    with open("/proc/stat") as f:
        ticks = [int(x) for x in f.readline().split()[1:]]
    return ticks[3] + ticks[4], sum(ticks[:8])


def runnable_threads():
    """Threads running or waiting for a CPU right now, machine-wide (the 4th field of /proc/loadavg)."""
    with open("/proc/loadavg") as f:
        return int(f.read().split()[3].split("/")[0])


class MachineWatch:
    """A window on the whole machine: share of CPU time idle, and how many threads wanted a CPU, sampled by the
    caller (the harness's own polling loop) so that no extra process runs."""

    def __init__(self):
        self.start = machine_cpu()
        self.runnable = []

    def sample(self):
        self.runnable.append(runnable_threads())

    def summary(self):
        idle0, total0 = self.start
        idle, total = machine_cpu()
        share = 100.0 * (idle - idle0) / (total - total0) if total > total0 else float("nan")
        r = self.runnable or [0]
        return {"idle_pct": share, "runnable_mean": sum(r) / len(r), "runnable_max": max(r)}


class GcLog:
    """The pauses a JVM logged (-Xlog:gc:file=PATH) from the moment this is made: count, total and longest, in ms."""

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path) if os.path.exists(path) else 0

    def pauses(self):
        if not os.path.exists(self.path):
            return None
        with open(self.path) as f:
            f.seek(self.offset)
            lines = f.read().splitlines()
        ms = [float(line.rsplit(" ", 1)[1][:-2]) for line in lines if " Pause " in line and line.endswith("ms")]
        return {"count": len(ms), "total_ms": sum(ms), "max_ms": max(ms, default=0.0)}
