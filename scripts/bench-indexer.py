#!/usr/bin/env python3
"""Benchmarks indexer-service end to end over loopback HTTP, as issue 4 asks.

Two packaged indexers run as separate processes with their own embedded stores: G serves as the trustless
gateway, I indexes from it (IPFS_GATEWAYS=G). The load comes from this process.

  1. Index a 1 MiB module (fetch as CAR by CIDv0, verify every block, store): N distinct modules one after
     another; per module the server-side time from the job's created_at to its updated_at when pinned, and the
     client time from POST /index until GET /index/{cid} says pinned (10 ms polling; 100 ms in part 2).
  2. 100 concurrent index requests for distinct CIDs (1 MiB modules): all must end pinned; reports the wall
     time and the peak heap of I (jvm.memory.used, area=heap, sampled every 50 ms).

  ./mvnw -q -B -o package -pl indexer-service -am -DskipTests      # once, if the jar is missing
  scripts/bench-indexer.py [--java /path/to/java] [--n 30] [--concurrent 100]
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "indexer-service/target/indexer-service-0.1.0-SNAPSHOT.jar")
BASE_WASM = os.path.join(ROOT, "executor-core/src/test/resources/guests/c-add.wasm")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def module(size, tag):
    """c-add.wasm plus one custom section so the module has exactly `size` bytes and is unique to `tag`."""
    base = open(BASE_WASM, "rb").read()
    payload = size - len(base) - 1 - 5
    name = b"\x03pad" + tag.encode()
    # Random bytes seeded by the tag: no two 256 KiB chunks are alike, so no block is deduplicated.
    content = name + random.Random(tag).randbytes(payload - len(name))
    leb = bytes([(payload >> (7 * i) & 0x7F) | (0x80 if i < 4 else 0) for i in range(5)])
    return base + b"\x00" + leb + content


def start(java, port, data, env_extra):
    env = dict(os.environ, **env_extra)
    log = open(os.path.join(data, "server.log"), "w")
    proc = subprocess.Popen([java, "-jar", JAR, f"--server.port={port}", f"--management.server.port={port + 1}",
                             f"--wasmhive.data-dir={data}",
                             "--wasmhive.embedded.mongo.port=0", "--wasmhive.embedded.redis.port=0"],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    for _ in range(240):
        try:
            if http("GET", f"http://127.0.0.1:{port}/readyz")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.25)
    proc.kill()
    sys.exit(f"indexer on {port} did not start; see {data}/server.log")


def upload(gateway, wasm):
    status, body = http("POST", f"{gateway}/modules", wasm, {"Content-Type": "application/wasm"})
    assert status in (200, 201), body
    return json.loads(body)["cid_v0"]


def index_and_wait(indexer, cid, poll=0.01):
    start = time.perf_counter()
    status, body = http("POST", f"{indexer}/index", json.dumps({"cid": cid}).encode(),
                        {"Content-Type": "application/json"})
    assert status in (200, 202), body
    while True:
        job = json.loads(http("GET", f"{indexer}/index/{cid}")[1])
        if job["status"] in ("pinned", "failed"):
            return job, (time.perf_counter() - start) * 1000
        time.sleep(poll)


def parse(ts):
    return datetime.datetime.fromisoformat(ts.replace("Z", "+00:00"))


def heap_used(indexer):
    # Actuator is on the management port, the main port + 1 here (see start).
    base, port = indexer.rsplit(":", 1)
    body = json.loads(http("GET", f"{base}:{int(port) + 1}/actuator/metrics/jvm.memory.used?tag=area:heap")[1])
    return body["measurements"][0]["value"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--concurrent", type=int, default=100)
    args = ap.parse_args()
    java = args.java if os.path.exists(args.java) else shutil.which("java")
    if not os.path.exists(JAR):
        sys.exit(f"missing {JAR}: build it first (see the header of this script)")
    work = tempfile.mkdtemp(prefix="bench-indexer-")
    procs = []
    try:
        gport, iport = free_port(), free_port()
        os.makedirs(f"{work}/g"), os.makedirs(f"{work}/i")
        gateway, indexer = f"http://127.0.0.1:{gport}", f"http://127.0.0.1:{iport}"
        procs.append(start(java, gport, f"{work}/g", {}))
        procs.append(start(java, iport, f"{work}/i", {"IPFS_GATEWAYS": gateway}))
        print("java:", subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0])

        mib = 1024 * 1024
        warm = [upload(gateway, module(mib, f"warm{i}")) for i in range(5)]
        for cid in warm:
            index_and_wait(indexer, cid)
        cids = [upload(gateway, module(mib, f"seq{i}")) for i in range(args.n)]
        server, client = [], []
        for cid in cids:
            job, ms = index_and_wait(indexer, cid)
            assert job["status"] == "pinned", job
            server.append((parse(job["updated_at"]) - parse(job["created_at"])).total_seconds() * 1000)
            client.append(ms)
        server.sort(), client.sort()
        print(f"index 1 MiB (CIDv0, CAR, {args.n} modules): server p50={statistics.median(server):.1f} ms"
              f" p90={server[int(len(server) * 0.9) - 1]:.1f} ms; client p50={statistics.median(client):.1f} ms"
              f" p90={client[int(len(client) * 0.9) - 1]:.1f} ms")

        many = [upload(gateway, module(mib, f"par{i}")) for i in range(args.concurrent)]
        peak, stop = [heap_used(indexer)], threading.Event()
        baseline = peak[0]

        def sample():
            while not stop.is_set():
                peak.append(heap_used(indexer))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        t0 = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(args.concurrent) as pool:
            # 100 ms polling: 100 clients polling every 10 ms would load the server more than the indexing.
            jobs = list(pool.map(lambda c: index_and_wait(indexer, c, 0.1)[0], many))
        wall = time.perf_counter() - t0
        stop.set(), sampler.join()
        pinned = sum(1 for j in jobs if j["status"] == "pinned")
        print(f"{args.concurrent} concurrent index requests (1 MiB each): {pinned}/{len(jobs)} pinned in {wall:.2f} s;"
              f" heap used before {baseline / mib:.0f} MiB, peak {max(peak) / mib:.0f} MiB")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)
        time.sleep(1)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
