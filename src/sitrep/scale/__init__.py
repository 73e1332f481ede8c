"""Scale: the ingest pipeline as a Dask job (a local cluster on one machine, a real cluster beyond)."""

from sitrep.scale.dask_ingest import plan_units, run_dask_ingest

__all__ = ["plan_units", "run_dask_ingest"]
