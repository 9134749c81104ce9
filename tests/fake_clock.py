"""A clock for tests that stands in for a module's `time`: it moves only when the code under
test sleeps (or waits with a timeout), so a test measures exactly the time it gives, however
fast or loaded the machine is."""
from __future__ import annotations


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def perf_counter(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
