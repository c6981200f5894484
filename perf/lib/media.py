"""Placeholder."""
def scenario(plan, workdir, log):
    raise RuntimeError("not written yet")
