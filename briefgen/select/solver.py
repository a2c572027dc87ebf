"""A 0-1 integer program, solved exactly by HiGHS.

The selector's concept-coverage model (see :mod:`briefgen.select.selector`) is a small
mixed integer program: maximise a linear gain over variables between 0 and 1,
some of them whole, under "at most" rows. This module hands it to the HiGHS
solver through ``highspy``, its own Python binding, which loads in a few
hundredths of a second, where ``scipy.optimize`` (the same solver behind
``milp``) costs a fifth of a second of start-up for every briefing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["Row", "maximise"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Row:
    """One constraint: ``sum(coef * x[col]) <= upper``."""

    cols: Sequence[int]
    coefs: Sequence[float]
    upper: float


def maximise(gain: npt.ArrayLike, rows: Sequence[Row], integers: int, *, time_limit: float,
             gap: float) -> np.ndarray | None:
    """Maximise ``gain @ x`` with every ``x`` in [0, 1] and the first ``integers`` of them whole.

    Args:
        gain: Objective coefficient of each variable.
        rows: The constraints, in a fixed order (the solver's path, and so a
            tie between equal optima, depends on it).
        integers: How many leading variables must be 0 or 1.
        time_limit: Seconds the solver may use.
        gap: Relative optimality gap at which the solver stops.

    Returns:
        The values of the variables, or ``None`` if the solver found no
        feasible answer in time.
    """
    import highspy

    from briefgen.native import native_output_hidden

    costs = np.asarray(gain, dtype=np.float64)
    n = len(costs)
    with native_output_hidden():  # the constructor prints a banner to descriptor 1
        h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("mip_rel_gap", float(gap))
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(rows)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = costs
    lp.col_lower_ = np.zeros(n)
    lp.col_upper_ = np.ones(n)
    lp.row_lower_ = np.full(len(rows), -highspy.kHighsInf)
    lp.row_upper_ = np.array([r.upper for r in rows], dtype=np.float64)
    whole, real = highspy.HighsVarType.kInteger, highspy.HighsVarType.kContinuous
    lp.integrality_ = [whole] * integers + [real] * (n - integers)
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kRowwise
    matrix.num_col_ = n
    matrix.num_row_ = len(rows)
    matrix.start_ = np.concatenate([[0], np.cumsum([len(r.cols) for r in rows])]).astype(np.int32)
    matrix.index_ = np.array([c for r in rows for c in r.cols], dtype=np.int32)
    matrix.value_ = np.array([v for r in rows for v in r.coefs], dtype=np.float64)
    with native_output_hidden():
        h.passModel(lp)
        h.run()
    info = h.getInfo()
    if h.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
        # The answer now depends on the machine's speed: say so.
        logger.warning("selection solver stopped at its %g s time limit; the choice may differ between "
                       "machines", time_limit)
    if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        logger.debug("solver gave no solution: %s", h.modelStatusToString(h.getModelStatus()))
        return None
    return np.array(h.getSolution().col_value[:n])
