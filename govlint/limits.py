"""Limits that stop one bad document from taking a batch down: input size and time per document.

Options (``Config.options``): ``max-bytes`` (default 50 MiB; a larger file gets P901 and is
skipped) and ``time-budget`` (seconds per document, default 10; 0 or None disables it). A
document over its budget gets an X003 finding and the batch goes on.

How the budget interrupts a document, decided for speed (no process per document, so the 1,000
reports/s target holds) and robustness:

- In the main thread on a POSIX system (the CLI, ``lint_many``'s process-pool workers), a
  ``SIGALRM`` timer raises ``BudgetExceeded`` wherever the document is: inside a pure-Python
  loop of a rule, a ``time.sleep``, reading or building. ``BudgetExceeded`` derives from
  ``BaseException`` so a rule's ``except Exception`` cannot swallow it.
- Elsewhere (worker threads, e.g. a Dask worker; Windows) there is no timer: the engine calls
  ``check_deadline()`` between rules, so a slow rule costs at most itself, but a rule that never
  returns holds its thread. Run such deployments with processes (``-j N``, Dask ``processes=True``
  and a ``nanny``) so a stuck worker can be restarted.
- Regular expressions cannot be interrupted by a signal while the C matcher runs; the patterns of
  govlint are written to be linear, and ``tests/scale/test_limits.py`` checks every compiled
  pattern of ``govlint`` and the rule pack against adversarial input so that a new quadratic
  pattern fails the tests.
"""

from __future__ import annotations

import contextvars
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# signal.signal less the wrapper that turns the handlers it takes and returns into enum members:
# for a function handler (ours, and the one restored) the failed enum lookup cost ~30 k
# instructions a call, twice a document: ~0.6 % of linting a text report.
from _signal import signal as _set_handler

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIME_BUDGET = 10.0

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("govlint_deadline", default=None)


class BudgetExceeded(BaseException):
    """The document ran past its time budget. A ``BaseException`` so rules cannot catch it."""


def max_bytes(options) -> int | None:
    value = options.get("max-bytes", DEFAULT_MAX_BYTES)
    return int(value) if value else None


def time_budget_of(options) -> float | None:
    value = options.get("time-budget", DEFAULT_TIME_BUDGET)
    return float(value) if value else None


def check_deadline() -> None:
    """Raise ``BudgetExceeded`` if the current document is past its budget (called between rules)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise BudgetExceeded


def deadline_to_check() -> bool:
    """Whether the current document has a budget that only ``check_deadline`` enforces: one
    under no timer (a timer interrupts wherever the document is, so checks would find nothing)."""
    return _deadline.get() is not None


def _alarm(signum, frame) -> None:
    raise BudgetExceeded


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the body under a budget of ``seconds`` (None: no budget)."""
    if not seconds:
        yield
        return
    timer = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if timer:
        previous = _set_handler(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    else:  # the deadline is what check_deadline enforces, where no timer can
        token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(signal.SIGALRM, previous)
        else:
            _deadline.reset(token)
