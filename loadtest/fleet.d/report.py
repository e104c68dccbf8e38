"""Turns a loadtest/fleet work folder into the markdown section appended to docs/scale-out.md.

    python3 report.py WORK_DIR LISTINGS
"""
import collections
import os
import re
import sys

work, listings = sys.argv[1], int(sys.argv[2])
results = {}
with open(os.path.join(work, "results.tsv")) as f:
    for line in f:
        key, _, value = line.rstrip("\n").partition("\t")
        results[key] = value


def wrk(name):
    """Answers and failures from fleet.d/load.lua's lines, per second, and wrk's own summary."""
    seconds, statuses, summary = [], {}, {}
    with open(os.path.join(work, "wrk-%s.txt" % name)) as f:
        text = f.read()
    for second, answered, failed in re.findall(r"^SEC (\d+) (\d+) (\d+)$", text, re.M):
        seconds.append((int(second), int(answered), int(failed)))
    for code, n in re.findall(r"^STATUS (\d+) (\d+)$", text, re.M):
        statuses[int(code)] = int(n)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    summary["socket"] = sum(map(int, socket.groups())) if socket else 0
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    summary["rate"] = float(rate.group(1)) if rate else 0.0
    latency = re.search(r"^LATENCY p50 ([\d.]+) p99 ([\d.]+)$", text, re.M)
    summary["p50"], summary["p99"] = (latency.groups() if latency else ("?", "?"))
    return seconds, statuses, summary


def totals(name, after=None):
    seconds, statuses, summary = wrk(name)
    answered = sum(a for _, a, _ in seconds)
    failed = sum(x for _, _, x in seconds) + summary["socket"]
    later = sum(x for s, _, x in seconds if after is not None and s > after)
    return answered + summary["socket"], failed, later, summary


def pct(failed, total):
    return "%.3f %%" % (100.0 * failed / total) if total else "n/a"


def capacity(name):
    with open(os.path.join(work, "cap-%s.txt" % name)) as f:
        text = f.read()
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p99 = re.search(r"^\s+99%\s+(\S+)", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    statuses = ", ".join("%s: %s" % s for s in re.findall(r"^STATUS (\d+) (\d+)$", text, re.M))
    return (float(rate.group(1)) if rate else 0.0), (p99.group(1) if p99 else "?"), (int(non2xx.group(1)) if non2xx else 0), statuses


out = []
out.append("## Fleet run, %s" % results.get("started", "?"))
out.append("")
out.append("`loadtest/fleet` on this machine (2 cores, everything on them: three instances, haproxy, six")
out.append("redis-server, the MongoDB stand-in, wrk). %s; %d demo listings; instances with" % (results.get("java", "?"), listings))
out.append("`-Xmx256m -XX:+UseSerialGC`, `MALLOC_ARENA_MAX=2`; haproxy with `docker/haproxy.cfg`. Load: `wrk -t2 -c32`")
out.append("with `loadtest/fleet.d/load.lua` (half the hot page, a quarter random listing pages, a quarter")
out.append("random photos). A failure is any status outside 200-399 or a socket error.")
out.append("")
out.append("| what | result | target |")
out.append("|---|---|---|")
servers = results.get("save.servers", "")
out.append("| Save through the balancer (`%s`), then `/saved` 9 times round-robin | answered by %s; listing missing %s times | seen through every instance |"
           % (results.get("save", "?"), servers or "?", results.get("save.missing", "?")))
out.append("| %s writes through the balancer (%s more refused), each followed at once by a page read from all three instances | %s stale of %d reads; %s reads failed | 0 stale |"
           % (results.get("fresh.writes", "?"), results.get("fresh.refused", "?"), results.get("fresh.stale", "?"),
              3 * int(results.get("fresh.writes", "0")), results.get("fresh.failed", "?")))
kill_at, out_at = int(results.get("kill.at", "0")), int(results.get("kill.out", "0"))
total, failed, later, summary = totals("kill", after=out_at)
out.append("| `kill -9` of instance 2 under load (haproxy saw it down %d s later) | %d of %d failed (%s); %d after it was out | under 0.1 %%; none after |"
           % (out_at - kill_at, failed, total, pct(failed, total), later))
total, failed, _, summary = totals("rolling")
out.append("| rolling restart of all three under load (TERM, readiness down, drained, stopped, started) | %d of %d failed (%s), %.0f req/s | 0 |"
           % (failed, total, pct(failed, total), summary["rate"]))
redis_at, healed = int(results.get("redis.at", "0")), int(results.get("redis.healed", "0"))
total, failed, _, summary = totals("redis")
out.append("| a Redis primary killed (-9) under load (cluster ok again %d s later) | %d of %d failed (%s) | 0 |"
           % (healed - redis_at, failed, total, pct(failed, total)))
crawl = collections.defaultdict(dict)
failures = []
with open(os.path.join(work, "crawl.txt")) as f:
    for line in f:
        parts = line.split()
        if parts and parts[0] in ("PAGE", "ASSET", "RELEASE"):
            crawl[parts[0]][parts[1]] = int(parts[2])
        elif parts and parts[0] == "FAILED":
            failures.append(line.strip())
assets = sum(crawl["ASSET"].values())
bad_assets = sum(n for s, n in crawl["ASSET"].items() if s != "200")
pages = sum(crawl["PAGE"].values())
releases = ", ".join("%s: %d pages" % (k, v) for k, v in sorted(crawl["RELEASE"].items()))
total, failed, _, summary = totals("deploy")
out.append("| rolling deploy to a release with new assets: pages through the balancer, then every asset they name | %d pages (%s); %d of %d assets failed; visitor mix meanwhile: %d of %d failed | no asset fails |"
           % (pages, releases, bad_assets, assets, failed, total))
out.append("")
for failure in failures[:5]:
    out.append("    " + failure)
if failures:
    out.append("")

hot, hot_p99, _, _ = capacity("hot")
rnd, rnd_p99, rnd_404, _ = capacity("random")
wr, wr_p99, wr_bad, wr_statuses = capacity("write")
mongo = int(results.get("cap.mongo_commands", "0"))
counted = int(results.get("cap.requests_counted", "0"))
out.append("Capacity on this machine (15 s each, after the runs above, so warm; through haproxy):")
out.append("")
out.append("| load | requests/s, whole machine | p99 | per core (machine / 2) |")
out.append("|---|---|---|---|")
out.append("| hot page `/reviews/15000?index=1` (`wrk -t2 -c32`) | %.0f | %s | %.0f |" % (hot, hot_p99, hot / 2))
out.append("| random `/reviews` and `/images` pages (`loadtest/wrk/random.lua`, 404s of indexes past the end included: %d) | %.0f | %s | %.0f |" % (rnd_404, rnd, rnd_p99, rnd / 2))
out.append("| writes, `PATCH /api/listings/{random}` (`fleet.d/write.lua`, `-c8`; statuses %s) | %.0f | %s | %.0f |" % (wr_statuses or "?", wr, wr_p99, wr / 2))
out.append("")
if counted:
    out.append("MongoDB commands during the random run, from the instances' `mongodb_driver_commands_seconds_count`: %d for %d requests counted by `http_server_requests_seconds_count` (%.2f per request)."
               % (mongo, counted, mongo / counted))
    out.append("")
out.append("Mean latency seen by the instances over the whole run (Prometheus timers): MongoDB `findAndModify` %s ms, `find` %s ms; Redis `EVALSHA` (the version-checked cache write) %s ms, `PUBLISH` %s ms, `GET` %s ms."
           % tuple(results.get("cap." + k, "n/a") for k in ("mongo_findAndModify_ms", "mongo_find_ms", "redis_evalsha_ms", "redis_publish_ms", "redis_get_ms")))
out.append("")
usage = collections.defaultdict(list)
if os.path.exists(os.path.join(work, "usage.tsv")):
    with open(os.path.join(work, "usage.tsv")) as f:
        for line in f:
            kind, _, n = line.strip().partition("\t")
            if n.isdigit():
                usage[kind].append(int(n))
keys = sum(int(v) for k, v in results.items() if k.startswith("redis.") and k.endswith(".keys"))
used = sum(int(v) for k, v in results.items() if k.startswith("redis.") and k.endswith(".used_memory"))
out.append("Redis after the runs: %d keys on the three primaries, `used_memory` %.1f MiB together. Bytes per key (`MEMORY USAGE`, a sample):" % (keys, used / 1048576))
out.append("")
out.append("| key | sampled | mean bytes |")
out.append("|---|---|---|")
for kind, sizes in sorted(usage.items()):
    out.append("| `%s::…` | %d | %.0f |" % (kind, len(sizes), sum(sizes) / len(sizes)))
out.append("")
out.append("Peak RSS (VmHWM): " + ", ".join(
    "%s %.0f MiB" % (k[4:], int(v) / 1024) for k, v in sorted(results.items()) if k.startswith("rss.")) + ".")
out.append("")
print("\n".join(out))
