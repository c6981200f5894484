"""Placeholder, filled in below."""
def scenario(plan, workdir, log, others):
    raise RuntimeError("not written yet")
