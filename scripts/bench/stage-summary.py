#!/usr/bin/env python3
"""Summarises the relay's stage clock (relay.stages.sample-every): reads the log lines
'stages request=<id> received=0 rate_limit=<us> ... total=<us>' from stdin and prints, per stage, the median, p90
and p99 in milliseconds over the sampled requests, in the order of the request's path. Used by bench-relay.sh."""
import sys

stages, samples = [], {}
for line in sys.stdin:
    at = line.find("stages request=")
    if at < 0:
        continue
    for pair in line[at:].split()[2:]:
        name, _, value = pair.partition("=")
        if name not in samples:
            stages.append(name)
            samples[name] = []
        if value != "-":
            samples[name].append(int(value) / 1000.0)


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100.0 * len(ordered)))] if ordered else float("nan")


count = len(samples.get("total", []))
print(f"stage latency budget over {count} sampled requests (ms; each stage from the previous point to its own)")
print(f"{'stage':<14}{'p50':>9}{'p90':>9}{'p99':>9}")
for name in stages:
    if name == "received":
        continue
    values = samples[name]
    print(f"{name:<14}{pct(values, 50):9.3f}{pct(values, 90):9.3f}{pct(values, 99):9.3f}")
