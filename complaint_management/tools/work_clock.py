"""A working-time calendar read many times from one computation of its work intervals.

Odoo's `plan_hours` and `get_work_duration_data` compute the calendar's intervals (attendances,
public holidays) on every call. The SLA plans the deadlines and escalation times of a whole batch
of complaints: a WorkClock computes the intervals once for the span the batch needs, then answers
each question by arithmetic on them. An empty calendar is a clock that runs round the clock.
"""

import bisect
from datetime import timedelta

from pytz import utc

# as plan_hours, which gives up after 100 periods of 14 days
HORIZON = timedelta(days=1400)


class WorkClock:
    def __init__(self, calendar):
        self.calendar = calendar
        self.start = self.stop = None  # the span the intervals cover (naive UTC)
        self.starts, self.stops = [], []  # the work intervals, naive UTC, in order
        self.worked = []  # seconds worked from `start` to the end of each interval

    def cover(self, start, stop):
        """Make the clock know the work intervals from `start` to `stop` (naive UTC)."""
        if not self.calendar or (self.start is not None and self.start <= start and stop <= self.stop):
            return
        start = min(start, self.start or start)
        stop = max(stop, self.stop or stop)
        intervals = self.calendar._work_intervals_batch(utc.localize(start), utc.localize(stop), compute_leaves=True)[
            False
        ]
        self.start, self.stop = start, stop
        self.starts, self.stops, self.worked = [], [], []
        total = 0.0
        for aware_begin, aware_end, _meta in intervals:
            begin, end = (moment.astimezone(utc).replace(tzinfo=None) for moment in (aware_begin, aware_end))
            total += (end - begin).total_seconds()
            self.starts.append(begin)
            self.stops.append(end)
            self.worked.append(total)

    def _worked_until(self, moment):
        """Seconds worked from the start of the span to `moment`."""
        index = bisect.bisect_right(self.starts, moment) - 1
        if index < 0:
            return 0.0
        in_interval = (min(moment, self.stops[index]) - self.starts[index]).total_seconds()
        return self.worked[index] - (self.stops[index] - self.starts[index]).total_seconds() + in_interval

    def _moment_worked(self, seconds):
        """The first moment by which `seconds` were worked since the start of the span, or None
        beyond it."""
        index = bisect.bisect_left(self.worked, seconds)
        if index == len(self.worked):
            return None
        return self.stops[index] - timedelta(seconds=self.worked[index] - seconds)

    def add_hours(self, start, hours):
        """The moment `hours` (>= 0) of working time after `start`, as `plan_hours` gives it;
        beyond the horizon (a calendar without work), `hours` round the clock."""
        if not self.calendar:
            return start + timedelta(hours=hours)
        span = timedelta(days=14 + hours / 4)  # a week of 40 hours and some holidays
        while span <= HORIZON:
            if self.start is not None and self.start <= start <= self.stop:
                moment = self._moment_worked(self._worked_until(start) + hours * 3600)
                if moment is not None:
                    return moment
            self.cover(start, start + span)
            span *= 2
        return start + timedelta(hours=hours)

    def moment_left(self, end, hours):
        """The first moment from which only `hours` (>= 0) of working time are left until `end`:
        where `hours` before `end` would have been planned to; beyond the horizon, `hours` round
        the clock before `end`."""
        if not self.calendar:
            return end - timedelta(hours=hours)
        span = timedelta(days=14 + hours / 4)
        while span <= HORIZON:
            if self.start is not None and self.start <= end <= self.stop:
                worked = self._worked_until(end) - hours * 3600
                if worked > 0 or not hours:
                    return self._moment_worked(worked)
            self.cover(end - span, end)
            span *= 2
        return end - timedelta(hours=hours)

    def hours_between(self, start, end):
        """Working hours from `start` to `end` (0 when `end` is not later)."""
        if not start or not end or end <= start:
            return 0.0
        if not self.calendar:
            return (end - start).total_seconds() / 3600
        self.cover(start, end)
        return (self._worked_until(end) - self._worked_until(start)) / 3600
