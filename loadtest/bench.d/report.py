#!/usr/bin/env python3
"""Helpers for loadtest/bench (standard library, plus matplotlib for the plot).

  report.py nginx  RUN_DIR TEMPLATE LISTEN WORKERS   renders RUN_DIR/nginx/nginx.conf
  report.py wrk    FILE                              prints one wrk output as JSON (debugging)
  report.py summary DOCS                             rewrites the summary table of issue #15's
        targets between <!-- bench-summary:start --> and <!-- bench-summary:end --> in DOCS from
        the <!-- bench-results {...} --> line each run's section ends with (latest per setup)
  report.py report RUN_DIR [--docs FILE --png-dir DIR]
        parses the raw outputs listed in RUN_DIR/runs.tsv, prints the table, writes
        RUN_DIR/results.json, table.md, section.md and the plot RUN_DIR/benchmarks.png;
        with --docs, appends section.md to FILE and copies the plot into --png-dir as
        benchmarks-<date>.png and benchmarks-latest.png.

Files the bash script writes into RUN_DIR (tab-separated, no header):
  meta.tsv     key, value
  runs.tsv     scenario, target (app|app-c1|ceiling|cold|warm), round, kind (wrk|wrk-random|siege|artillery),
               output file, exit code, start epoch, end epoch, the exact command
  cpus.tsv     role, comm, pid, Cpus_allowed_list, CPU it last ran on (ps psr)
  rss.tsv      epoch, phase ("<scenario> <target> <round>" or a step name), VmRSS kB of the app,
               and its CPU time so far (utime + stime, clock ticks; empty in runs before 2026-12-06)
  ceiling.tsv  body id, path, hx (0|1), json (0|1), Content-Type, body file, bytes, session (0|1)
"""

import json
import math
import os
import re
import shutil
import sys

SCENARIOS = {
    "a": "a. `/reviews/15000?index=1`, full page, hot (wrk)",
    "b": "b. the same with `HX-Request: true` (fragment), hot (wrk)",
    "c": "c. `/images/15000`, `Accept: application/json`, hot (wrk)",
    "d": "d. random listings and indexes, `/reviews` + `/images` (wrk, random.lua)",
    "e": "e. the original's Siege run, new connection per request (siege)",
    "f": "f. the original's Artillery scenario (artillery)",
    "g": "g. a's page for a visitor with a session (`Cookie: STARKILLER_SESSION=…; STARKILLER_SAVED=1`), hot (wrk)",
    "h": "h. the per-visitor fragment `GET /saved/15000` (`HX-Request`, the session cookie; no-store) (wrk)",
    "i": "i. random ids: `/images/<id>`, `Accept: application/json` (wrk, random.lua)",
    "j": "j. random pages: `/reviews/<id>?index=N`, full page (wrk, random.lua)",
}
SHORT = {
    "a": "a. full page",
    "b": "b. fragment",
    "c": "c. JSON",
    "d": "d. random",
    "e": "e. siege",
    "f": "f. artillery",
    "g": "g. session page",
    "h": "h. own fragment",
    "i": "i. random ids",
    "j": "j. random pages",
}
ORDER = "abcgdefhij"
ALL = "abcdefghij"
# targets (rows) of a scenario, in the order they are shown
TARGETS = ("app-c1", "app", "ceiling", "cold", "warm")
SERVER = {"app": "app", "app-c1": "app, 1 connection", "ceiling": "nginx ceiling",
          "cold": "app, cold", "warm": "app, warm"}
# the original Node service on this machine (issue #15's table): random ids over 100,000
# listings right after a restart and FLUSHALL
ORIGINAL_COLD_RPS = 8552
ORIGINAL_COLD_P99_MS = 26
# processes worth naming in "where each process ran"
INTERESTING = {"java", "redis-server", "nginx", "wrk", "siege", "node"}


# ---------------------------------------------------------------------------- inputs

def read_tsv(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                rows.append(line.split("\t"))
    return rows


def read_meta(run):
    meta = {}
    for row in read_tsv(os.path.join(run, "meta.tsv")):
        meta[row[0]] = row[1] if len(row) > 1 else ""
    return meta


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


# ---------------------------------------------------------------------------- nginx

def render_nginx(run, template, listen, workers):
    ngx = os.path.join(run, "nginx")
    bodies = read_tsv(os.path.join(run, "ceiling.tsv"))
    map_lines, locations = [], []
    for row in bodies:
        body_id, path, hx, js, ctype, body_file, _size = row[:7]
        sess = row[7] if len(row) > 7 else "0"
        if not re.fullmatch(r"[A-Za-z0-9_-]+", body_id):
            raise SystemExit(f"bad body id {body_id!r}")
        for s in (path, ctype, body_file):
            if '"' in s or "\\" in s or "\n" in s or "$" in s:
                raise SystemExit(f"refusing to put {s!r} into the nginx config")
        key = f"{path}|{'hx' if hx == '1' else ''}|{'json' if js == '1' else ''}|{'session' if sess == '1' else ''}"
        map_lines.append(f'        "{key}" {body_id};')
        locations.append(
            f"        location = /__bench/{body_id} {{\n"
            f"            internal;\n"
            f'            default_type "{ctype}";\n'
            f'            alias "{body_file}";\n'
            f"        }}"
        )
    subst = (("@WORKERS@", workers), ("@DIR@", ngx), ("@LISTEN@", listen),
             ("@MAP@", "\n".join(map_lines)), ("@LOCATIONS@", "\n".join(locations)))
    out = []
    for line in read_text(template).splitlines():
        if not line.lstrip().startswith("#"):  # the template's comments name the placeholders
            for k, v in subst:
                line = line.replace(k, v)
        out.append(line)
    text = "\n".join(out) + "\n"
    with open(os.path.join(ngx, "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------- parsers

UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(value):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value.strip())
    if not m:
        return None
    return float(m.group(1)) * UNIT_MS[m.group(2)]


def parse_wrk(text):
    r = {"rps": None, "p50": None, "p99": None, "requests": None, "seconds": None,
         "non2xx3xx": 0, "socket": {"connect": 0, "read": 0, "write": 0, "timeout": 0},
         "statuses": {}}
    m = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    if m:
        r["rps"] = float(m.group(1))
    for pct, key in (("50", "p50"), ("99", "p99")):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+(?:us|ms|s|m|h))\s*$", text, re.M)
        if m:
            r[key] = to_ms(m.group(1))
    m = re.search(r"^\s+(\d+) requests in ([\d.]+)(us|ms|s|m|h)", text, re.M)
    if m:
        r["requests"] = int(m.group(1))
        r["seconds"] = float(m.group(2)) * UNIT_MS[m.group(3)] / 1000.0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        r["socket"] = dict(zip(("connect", "read", "write", "timeout"), map(int, m.groups())))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if m:
        r["non2xx3xx"] = int(m.group(1))
    # random.lua's done(): "  404:        123    1.23%  (non-2xx)"
    for code, n in re.findall(r"^\s+(\d{3}):\s+(\d+)\s+[\d.]+%", text, re.M):
        r["statuses"][code] = r["statuses"].get(code, 0) + int(n)
    r["socket_errors"] = sum(r["socket"].values())
    # random.lua's PER_SECOND: "  second 3: 8123"
    per_second = [(int(a), int(b)) for a, b in re.findall(r"^\s+second (\d+): (\d+)\s*$", text, re.M)]
    if per_second:
        r["per_second"] = [n for _, n in sorted(per_second)]
    return r


def parse_siege(text):
    r = {"rps": None, "mean_ms": None, "max_ms": None, "transactions": None, "failed": None,
         "availability": None, "elapsed": None}
    m = re.search(r"^\{.*?^\}", text, re.M | re.S)
    data = None
    if m:
        try:
            data = json.loads(m.group(0))
        except ValueError:
            data = None
    if data:
        r["rps"] = data.get("transaction_rate")
        r["transactions"] = data.get("transactions")
        r["failed"] = data.get("failed_transactions")
        r["availability"] = data.get("availability")
        r["elapsed"] = data.get("elapsed_time")
        if data.get("response_time") is not None:
            r["mean_ms"] = float(data["response_time"]) * 1000.0
        if data.get("longest_transaction") is not None:
            r["max_ms"] = float(data["longest_transaction"]) * 1000.0
        return r

    def num(label):
        mm = re.search(rf"{label}:\s+([\d.]+)", text)
        return float(mm.group(1)) if mm else None
    r["rps"] = num("Transaction rate")
    r["transactions"] = num("Transactions")
    r["failed"] = num("Failed transactions")
    r["availability"] = num("Availability")
    r["elapsed"] = num("Elapsed time")
    rt, lt = num("Response time"), num("Longest transaction")
    r["mean_ms"] = rt * 1000.0 if rt is not None else None
    r["max_ms"] = lt * 1000.0 if lt is not None else None
    return r


def parse_artillery(path):
    r = {"rps": None, "p50": None, "p99": None, "requests": None, "codes": {}, "errors": {},
         "vusers_failed": 0}
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return r
    agg = data.get("aggregate", {})
    counters = agg.get("counters", {})
    r["requests"] = counters.get("http.requests")
    r["vusers_failed"] = counters.get("vusers.failed", 0)
    for k, v in counters.items():
        if k.startswith("http.codes."):
            r["codes"][k[len("http.codes."):]] = v
        elif k.startswith("errors."):
            r["errors"][k[len("errors."):]] = v
    r["rps"] = agg.get("rates", {}).get("http.request_rate")
    rt = agg.get("summaries", {}).get("http.response_time", {})
    r["p50"] = rt.get("p50", rt.get("median"))
    r["p99"] = rt.get("p99")
    # http.request_rate is artillery's own figure (a mean over its 10 s periods, so partial
    # periods pull it down); also keep requests over the time between first and last counter
    first, last = agg.get("firstCounterAt"), agg.get("lastCounterAt")
    if first and last and last > first:
        r["span_s"] = (last - first) / 1000.0
    if r["rps"] is None and r["requests"] and r.get("span_s"):
        r["rps"] = r["requests"] / r["span_s"]
    return r


# ---------------------------------------------------------------------------- aggregation

def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def aggregate(run):
    runs = read_tsv(os.path.join(run, "runs.tsv"))
    results = {}  # (scenario, target) -> dict
    for row in runs:
        scen, target, rnd, kind, out, rc, t0, t1, cmd = (row + [""] * 9)[:9]
        entry = results.setdefault((scen, target), {"scenario": scen, "target": target, "kind": kind,
                                                    "rounds": [], "commands": []})
        if cmd not in entry["commands"]:
            entry["commands"].append(cmd)
        rec = {"round": rnd, "rc": int(rc or 0), "seconds": float(t1) - float(t0) if t0 and t1 else None,
               "output": out}
        if kind in ("wrk", "wrk-random"):
            p = parse_wrk(read_text(out))
            if kind == "wrk-random":
                n404 = p["statuses"].get("404", 0)
                rec["expected_404"] = n404
                rec["errors"] = max(0, p["non2xx3xx"] - n404) + p["socket_errors"]
            else:
                rec["errors"] = p["non2xx3xx"] + p["socket_errors"]
            rec.update(rps=p["rps"], p50=p["p50"], p99=p["p99"], requests=p["requests"],
                       socket=p["socket"], non2xx3xx=p["non2xx3xx"], statuses=p["statuses"],
                       wrk_seconds=p["seconds"])
            if p.get("per_second"):
                rec["per_second"] = p["per_second"]
        elif kind == "siege":
            p = parse_siege(read_text(out))
            rec.update(rps=p["rps"], p50=None, p99=None, mean_ms=p["mean_ms"], max_ms=p["max_ms"],
                       requests=p["transactions"], errors=int(p["failed"] or 0),
                       availability=p["availability"])
        elif kind == "artillery":
            p = parse_artillery(re.sub(r"\.txt$", ".json", out))
            bad_codes = sum(v for k, v in p["codes"].items() if not k.startswith(("2", "3")))
            rec.update(rps=p["rps"], p50=p["p50"], p99=p["p99"], requests=p["requests"], span_s=p.get("span_s"),
                       errors=bad_codes + sum(p["errors"].values()), codes=p["codes"],
                       error_kinds=p["errors"], vusers_failed=p["vusers_failed"])
        if rec.get("rps") is None:
            rec["failed"] = True
        entry["rounds"].append(rec)

    for entry in results.values():
        rounds = entry["rounds"]
        entry["rps"] = mean([r.get("rps") for r in rounds])
        entry["p50"] = mean([r.get("p50") for r in rounds])
        entry["p99"] = mean([r.get("p99") for r in rounds])
        entry["mean_ms"] = mean([r.get("mean_ms") for r in rounds])
        entry["max_ms"] = max([r["max_ms"] for r in rounds if r.get("max_ms") is not None], default=None)
        entry["errors"] = sum(int(r.get("errors") or 0) for r in rounds)
        entry["requests"] = sum(int(r.get("requests") or 0) for r in rounds)
        entry["expected_404"] = sum(int(r.get("expected_404") or 0) for r in rounds)
        entry["failed_rounds"] = sum(1 for r in rounds if r.get("failed") or r["rc"] not in (0,))
        if len(rounds) == 1 and rounds[0].get("per_second"):
            ps = rounds[0]["per_second"]
            # whole seconds only: wrk's -d ends the run inside the second after them, if any
            secs = rounds[0].get("wrk_seconds")
            full = ps[:int(secs)] if secs else (ps[:-1] if len(ps) > 1 else ps)
            entry["per_second"] = full
            entry["min_second"] = min(full) if full else None
            entry["first_second"] = ps[0] if ps else None
    return results


def rss_by_scenario(run):
    peaks = {}
    for row in read_tsv(os.path.join(run, "rss.tsv")):
        if len(row) < 3 or not row[2].isdigit():
            continue
        phase = row[1].split()
        kb = int(row[2])
        key = phase[0] if phase else "?"
        if len(phase) >= 2 and phase[1] not in ("app", "app-c1", "warmup", "cold", "warm", "restart"):
            continue  # ceiling rounds: the app is idle
        peaks[key] = max(peaks.get(key, 0), kb)
    return peaks


def cpu_by_phase(run):
    """Cores the app used in each "<scenario> <target>", from consecutive samples of its CPU time
    within one phase (a restart's new process, or a sample without ticks, starts afresh)."""
    hz = os.sysconf("SC_CLK_TCK")
    used = {}
    prev = None
    for row in read_tsv(os.path.join(run, "rss.tsv")):
        if len(row) < 4 or not row[3].isdigit():
            prev = None
            continue
        t, ticks = float(row[0].replace(",", ".")), int(row[3])
        phase = row[1].split()
        # ceiling rounds are nginx's: the app idles through them
        key = tuple(phase[:2]) if len(phase) >= 2 and phase[1] != "ceiling" else None
        if prev and key and prev[2] == key and ticks >= prev[1] and t > prev[0]:
            total = used.setdefault(key, [0.0, 0.0])
            total[0] += (ticks - prev[1]) / hz
            total[1] += t - prev[0]
        prev = (t, ticks, key)
    return {" ".join(k): v[0] / v[1] for k, v in used.items() if v[1] > 0}


def cpu_line(results, cores_by_phase):
    """One sentence: the app's cores and CPU time per request in each measured scenario."""
    parts = []
    for phase, cores in sorted(cores_by_phase.items()):
        scen, target = phase.split(" ", 1)
        entry = results.get((scen, target))
        if not entry or not entry.get("rps"):
            continue
        per_request_us = cores / entry["rps"] * 1e6
        per = f"{per_request_us / 1000:.2f} ms" if per_request_us >= 1000 else f"{per_request_us:.0f} µs"
        parts.append(f"{scen} {target} {cores:.2f} cores, {per}")
    if not parts:
        return None
    return ("App CPU (its utime + stime, read with each VmRSS sample; cores used, then CPU time per "
            "request at the scenario's mean requests/s): " + "; ".join(parts) + ". The load generators "
            "and servers beside it are not counted, so the time per request is the app's own cost.")


# ---------------------------------------------------------------------------- formatting

def f_int(n):
    return "-" if n is None else f"{int(round(n)):,}"


def f_rps(v):
    if v is None:
        return "-"
    return f"{v:,.1f}" if v < 100000 else f"{v:,.0f}"


def f_ms(v):
    if v is None:
        return "-"
    if v >= 1000:
        return f"{v / 1000:.2f} s"
    if v >= 100:
        return f"{v:.0f} ms"
    if v >= 10:
        return f"{v:.1f} ms"
    return f"{v:.2f} ms"


def f_siege(ms):
    """siege reports seconds with two decimals: 0.00 means under 10 ms."""
    if ms is None:
        return "-"
    return "<10 ms" if ms < 5 else f"{ms:,.0f} ms"


def f_mib(kb):
    if not kb:
        return "-"
    return f"{int(kb) / 1024:,.0f} MiB"


def f_ratio(app, ceiling):
    if not app or not ceiling:
        return "-"
    return f"{app / ceiling:.3f} ({100 * app / ceiling:.1f} %)"


def errors_cell(entry):
    s = f_int(entry["errors"])
    if entry["kind"] == "wrk-random":
        s += f" (+{entry['expected_404']:,} 404s by design)"
    if entry["kind"] == "siege":
        s += " failed"
    if entry["failed_rounds"]:
        s += f" ({entry['failed_rounds']} run(s) failed, see raw output)"
    return s


def g_ratio(results):
    a, g = results.get(("a", "app")), results.get(("g", "app"))
    if a and g and a.get("rps") and g.get("rps"):
        return g["rps"] / a["rps"]
    return None


def build_table(results, peaks, meta):
    head = ("| scenario | server | requests/s | p50 | p99 | errors | app/ceiling | app peak RSS |\n"
            "|---|---|---:|---:|---:|---|---:|---:|")
    lines = [head]
    for scen in ORDER:
        entries = [(t, results.get((scen, t))) for t in TARGETS if results.get((scen, t))]
        if not entries:
            continue
        app = results.get((scen, "app"))
        ceil = results.get((scen, "ceiling"))
        first = True
        for target, entry in entries:
            if entry["kind"] == "siege":
                p50 = f"{f_siege(entry['mean_ms'])} mean"
                p99 = f"{f_siege(entry['max_ms'])} max"
            else:
                p50, p99 = f_ms(entry["p50"]), f_ms(entry["p99"])
            rps = f_rps(entry["rps"])
            if entry["kind"] == "siege":
                rps += " trans/s"
            if entry["kind"] == "artillery" and entry["rounds"] and entry["rounds"][0].get("span_s"):
                r0 = entry["rounds"][0]
                rps += (f" (artillery's `http.request_rate`; {f_int(r0.get('requests'))} requests in "
                        f"{r0['span_s']:.1f} s = {r0['requests'] / r0['span_s']:,.1f}/s)")
            n = len(entry["rounds"])
            if n > 1:
                rps += f" (mean of {n})"
            if target == "cold" and entry.get("per_second"):
                rps += (f"; per second: {', '.join(f'{v:,}' for v in entry['per_second'])} "
                        f"(lowest whole second {f_int(entry.get('min_second'))})")
            if target == "cold":
                gap = meta.get(f"cold_gap_s_{scen}")
                ready = meta.get(f"ready_s_{scen}")
                if gap:
                    rps += f"; wrk started {float(gap) * 1000:.0f} ms after `/readyz` answered 200"
                if ready:
                    rps += f" ({ready} s after the launch)"
            server = SERVER.get(target, target)
            if target == "app" and scen == "h":
                server = f"app, {meta.get('conns', '?')} connections"
            ratio = ""
            if target == "app" and ceil:
                ratio = f_ratio(app["rps"] if app else None, ceil["rps"])
            if scen == "g" and target == "app" and g_ratio(results):
                ratio += f"; **g/a {100 * g_ratio(results):.1f} %** (a {f_rps(results[('a', 'app')]['rps'])})"
            rss = f_mib(peaks.get(scen)) if first and target != "ceiling" else ""
            label = SCENARIOS[scen] if first else "″"
            first = False
            lines.append(f"| {label} | {server} | {rps} | {p50} | {p99} | {errors_cell(entry)} | {ratio} | {rss} |")
    hwm = meta.get("vmhwm_kb")
    starts = meta.get("app_starts", "1")
    what = "VmHWM at the end" if starts in ("", "1") else f"highest VmHWM of its {starts} starts"
    lines.append(f"| whole run ({what}) | app | | | | | | {f_mib(hwm)} |")
    return "\n".join(lines)


def round_details(results):
    out = ["| scenario | server | round | requests | requests/s | p50 | p99 | errors |",
           "|---|---|---:|---:|---:|---:|---:|---|"]
    for scen in ORDER:
        for target in TARGETS:
            entry = results.get((scen, target))
            if not entry:
                continue
            for r in entry["rounds"]:
                if entry["kind"] == "siege":
                    p50, p99 = f"{f_siege(r.get('mean_ms'))} mean", f"{f_siege(r.get('max_ms'))} max"
                else:
                    p50, p99 = f_ms(r.get("p50")), f_ms(r.get("p99"))
                err = f_int(r.get("errors"))
                if r.get("expected_404"):
                    err += f" (+{r['expected_404']:,} 404s)"
                if r.get("socket") and sum(r["socket"].values()):
                    err += " socket " + ", ".join(f"{k} {v}" for k, v in r["socket"].items() if v)
                if r.get("codes"):
                    err += " codes " + ", ".join(f"{k}: {v:,}" for k, v in sorted(r["codes"].items()))
                if r["rc"]:
                    err += f" (exit {r['rc']})"
                out.append(f"| {SHORT[scen]} | {target} | {r['round']} | {f_int(r.get('requests'))} | "
                           f"{f_rps(r.get('rps'))} | {p50} | {p99} | {err} |")
    return "\n".join(out)


def rel(cmd, meta):
    root = meta.get("root", "")
    if root:
        cmd = cmd.replace(root + "/", "")
    sid = meta.get("session_id", "")
    if sid:
        cmd = cmd.replace(sid, "<session id>")
    return cmd


def where_ran(run):
    seen = {}
    for row in read_tsv(os.path.join(run, "cpus.tsv")):
        role, comm, pid, allowed, psr = (row + [""] * 5)[:5]
        if comm.startswith("redis-server"):
            comm = "redis-server"  # comm is cut at 15 characters: "redis-server-6."
        if comm not in INTERESTING:
            continue
        key = (role.split(":")[0] if role.startswith("load") else role, comm)
        seen.setdefault(key, set()).add(allowed)
    parts = []
    for (role, comm), cpus in sorted(seen.items()):
        parts.append(f"{comm} ({role}): CPUs {', '.join(sorted(cpus))}")
    return "; ".join(parts)


# ---------------------------------------------------------------------------- plot

def plot_categories(results, meta):
    """x positions of the plot: (label, app entry, ceiling entry or None)."""
    cats = []
    for s in ORDER:
        if s == "h":
            if results.get(("h", "app-c1")):
                cats.append(("h. own fragment\n1 conn.", results[("h", "app-c1")], None))
            if results.get(("h", "app")):
                cats.append((f"h. own fragment\n{meta.get('conns', '')} conn.", results[("h", "app")], None))
        elif s in "ij":
            for t in ("cold", "warm"):
                if results.get((s, t)):
                    cats.append((f"{SHORT[s]}\n{t}", results[(s, t)], None))
        elif (s, "app") in results or (s, "ceiling") in results:
            cats.append((SHORT[s], results.get((s, "app")), results.get((s, "ceiling"))))
    return cats


def plot(results, meta, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = plot_categories(results, meta)
    if not cats:
        return False
    colds = [(s, results[(s, "cold")]) for s in "ij" if results.get((s, "cold"), {}).get("per_second")]
    panels = 3 if colds else 2
    fig, axes = plt.subplots(1, panels, figsize=(6 * panels + max(0, len(cats) - 6) * 0.6, 5.2),
                             gridspec_kw={"width_ratios": [2, 2, 1.3][:panels]})
    width = 0.38
    xs = list(range(len(cats)))
    colors = {"app": "#1f77b4", "ceiling": "#ff7f0e"}
    for ax, metric, title in ((axes[0], "rps", "requests/s (log scale; siege: transactions/s)"),
                              (axes[1], "p99", "p99 latency, ms (log scale)")):
        for i, target in enumerate(("app", "ceiling")):
            pos, vals = [], []
            for x, (_, e_app, e_ceil) in zip(xs, cats):
                e = e_app if target == "app" else e_ceil
                v = e.get(metric) if e else None
                if v:
                    pos.append(x + (i - 0.5) * width if e_ceil else x)
                    vals.append(v)
            bars = ax.bar(pos, vals, width, color=colors[target],
                          label="app" if target == "app" else "nginx ceiling (same bytes)")
            for b in bars:
                v = b.get_height()
                txt = f"{v:,.0f}" if v >= 100 else f"{v:.1f}" if v >= 1 else f"{v:.2f}"
                ax.annotate(txt, (b.get_x() + b.get_width() / 2, v), ha="center", va="bottom",
                            fontsize=7, xytext=(0, 2), textcoords="offset points")
        for x, (_, e_app, e_ceil) in zip(xs, cats):
            if metric == "p99" and e_app and e_app.get("p99") is None:
                ax.annotate("n/a", (x, 0), xycoords=("data", "axes fraction"), ha="center", va="bottom",
                            fontsize=7, xytext=(0, 3), textcoords="offset points")
        if metric == "rps":
            ax.axhline(ORIGINAL_COLD_RPS, color="#2ca02c", lw=0.8, ls="--",
                       label=f"original, random ids after restart: {ORIGINAL_COLD_RPS:,}/s")
        ax.set_yscale("log")
        ax.set_xticks(xs)
        ax.set_xticklabels([c[0] for c in cats], fontsize=7, rotation=30, ha="right")
        ax.set_title(title, fontsize=10)
        ax.grid(axis="y", which="major", alpha=0.3)
        ax.margins(y=0.15)
    axes[0].legend(fontsize=7, loc="lower left")
    if colds:
        ax = axes[2]
        for s, e in colds:
            ps = e["per_second"]
            ax.plot(range(len(ps)), ps, marker="o", ms=3, label=SHORT[s])
        ax.axhline(ORIGINAL_COLD_RPS, color="#2ca02c", lw=0.8, ls="--", label=f"original: {ORIGINAL_COLD_RPS:,}/s")
        ax.set_title("cold: responses in each whole second after /readyz 200", fontsize=10)
        ax.set_xlabel("second since wrk started", fontsize=8)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    pin = (f"app on CPU {meta.get('app_cpus')}, load + nginx on CPU {meta.get('load_cpus')}"
           if meta.get("pin") == "1" else "nothing pinned")
    fig.suptitle(f"starkiller-images, {meta.get('date', '')} {meta.get('time', '')}: "
                 f"{int(meta.get('listings', 0)):,} listings, {meta.get('setup', '')}, {meta.get('nproc')} cores, {pin}",
                 fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


# ---------------------------------------------------------------------------- docs

def cpu_count(cpus):
    n = 0
    for part in (cpus or "").split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            n += int(b) - int(a) + 1 if a.isdigit() and b.isdigit() else 0
        elif part.isdigit():
            n += 1
    return n


def next_run_number(docs):
    text = read_text(docs)
    nums = [int(n) for n in re.findall(r"^## Run (\d+)\b", text, re.M)]
    return max(nums, default=0) + 1


def section(results, meta, table, details, plot_name, run_no, run):
    m = meta
    mem_gib = int(m.get("mem_total_kb", "0") or 0) / 1024 / 1024
    lines = []
    title = f"## Run {run_no} — {m.get('date')}, `loadtest/bench`" if run_no else f"## {m.get('date')}, `loadtest/bench`"
    run_name = f"Run {run_no}" if run_no else "This run"
    lines += [title, ""]
    lines += [f"Command: `{m.get('command')}` (started {m.get('date')} {m.get('time')}; took "
              f"{m.get('elapsed', '?')}; raw outputs in `{m.get('run_dir')}` on the machine that ran it)."]
    if m.get("note"):
        lines += ["", m["note"]]
    lines += [""]
    pin = m.get("pin") == "1"
    lines.append(f"- **Machine**: {m.get('nproc')} CPUs (`nproc`), {mem_gib:.1f} GiB (MemTotal), "
                 f"{m.get('os')}, Linux {m.get('kernel')}; CPU busy in the {m.get('idle_window', '?')} s before the "
                 f"measurements (nothing of the bench running but the idle app): {m.get('busy_before', '?')} %; "
                 f"load average before {m.get('loadavg_before')}, after {m.get('loadavg_after')}.")
    if pin:
        lines.append(f"- **Pinning**: the load generators **shared the machine** with the app but not its core: "
                     f"the app started on every core (start-up is timed so), then its threads and its children "
                     f"(the embedded redis-server) were pinned with `taskset -a -cp {m.get('app_cpus')}`; "
                     f"wrk, siege, Artillery (node) and nginx with `taskset -c {m.get('load_cpus')}`. "
                     f"Seen in `/proc/<pid>/status` (Cpus_allowed_list) during the run: {m.get('where_ran')}.")
    else:
        lines.append(f"- **Pinning**: none (`BENCH_PIN=0`): the load generators **shared both cores** with "
                     f"the app. Seen during the run: {m.get('where_ran')}.")
    flags = m.get("jvm_flags", "")
    gc = next((name for flag, name in (("UseSerialGC", "Serial"), ("UseG1GC", "G1"), ("UseParallelGC", "Parallel"),
                                       ("UseZGC", "Z"), ("UseShenandoahGC", "Shenandoah"))
               if f"+{flag}" in flags), "?")
    heap = re.search(r"-XX:MaxHeapSize=(\d+)", flags)
    heap = f", max heap {int(heap.group(1)) / 2**20:,.0f} MiB" if heap else ""
    opts = m.get("java_opts") or "no options (JVM defaults)"
    lines.append(f"- **JVM**: {m.get('java_version')}; {opts}; it chose the **{gc} GC**{heap} "
                 f"({'it sees the one CPU it is pinned to' if pin and cpu_count(m.get('app_cpus')) == 1 else 'as it sees the CPUs it may use'}); "
                 f"`{m.get('app_command')}` (the jar is a copy of `{m.get('jar_name')}`); "
                 f"all flags (`jcmd <pid> VM.flags`): `{flags}`.")
    mode = re.sub(r"^Mode: ", "", m.get("app_mode", ""))
    lines.append(f"- **App**: {mode}. Jar `{m.get('jar_name')}` (sha256 {m.get('jar_sha256', '')[:12]}…, "
                 f"built {m.get('jar_mtime')}).")
    lines.append(f"- **Data**: {int(m.get('listings', 0)):,} listings ({m.get('seed_desc')}); {m.get('listing_check')}; "
                 f"{m.get('data_desc')}.")
    aot = (f", with the JDK AOT cache ({m.get('aot_size')}) that a training start of this run wrote "
           f"(`-XX:AOTCacheOutput`, the app started and answered each kind of request once)") if m.get("aot") == "1" else ""
    start = f"- **Start-up**: **{m.get('startup_s')} s** from the `java` launch to the first 200 on " \
            f"`/reviews/15000?index=1` (curl every 100 ms), with the data already stored{aot}"
    if m.get("first_start_s"):
        start += f"; the first start on the empty folder, demo seed included, took {m.get('first_start_s')} s"
    if m.get("seed_s"):
        start += f"; `seed --listings {m.get('listings')}` took {m.get('seed_s')} s before it"
    lines.append(start + ".")
    lines.append(f"- **Ceiling**: nginx {m.get('nginx_version')} on 127.0.0.1 serving, from files, the exact bytes the "
                 f"app answered for a–c ({m.get('ceiling_bodies')}), with the same Content-Type; "
                 f"{m.get('nginx_workers')} worker(s), no access log, keep-alive; config from "
                 f"`loadtest/nginx/ceiling.conf.template`. The ceiling is what this machine and load "
                 f"generator can do at all for those bytes.")
    lines.append(f"- **Method**: wrk {m.get('wrk_version')} `--latency -t{m.get('threads')} -c{m.get('conns')}`; "
                 f"a–c: {m.get('warmup')} warm-up of the app per scenario (not counted), then {m.get('rounds')} "
                 f"round(s) of {m.get('duration')} alternating app, ceiling, app, ceiling…; the table gives the mean "
                 f"of the rounds (requests/s, p50, p99) and the sum of errors; d: one {m.get('random_duration')} run "
                 f"(`LISTINGS={m.get('listings')}`), no ceiling, mongo.mv.db in the OS page cache: {m.get('page_cache', '?')}; e: siege {m.get('siege_version')} "
                 f"`-b -c {m.get('siege_concurrent')} -r {m.get('siege_reps')}`, `connection = close`, app then "
                 f"ceiling (siege gives a mean and the longest transaction, in 10 ms steps, not percentiles); f: Artillery "
                 f"{m.get('artillery_version')} (its arrival rate, 20 new users/s, caps the request rate). "
                 f"Errors: non-2xx/3xx responses plus socket errors (connect, read, write, timeout); in d the "
                 f"404s for indexes past a listing's end are by design and counted apart. App peak RSS: the "
                 f"highest VmRSS sampled every {m.get('rss_interval')} s during the scenario's app runs; last "
                 f"row: VmHWM at the end.")
    more = []
    if any(k[0] == "g" for k in results):
        more.append(f"g: as a, with the cookies of a visitor who saved listing 15000 (`POST /saved/15000`, "
                    f"`saved=true`, `Origin` the app's: `STARKILLER_SESSION` and `STARKILLER_SAVED=1`); its ceiling "
                    f"serves the app's answer to that request ({m.get('g_same', '?')}); the table gives g/a, "
                    f"g's requests/s over a's app figure of the same run"
                    + ("; a and g interleaved: both warm-ups, then each round a, g, a's ceiling, g's ceiling"
                       if m.get("ag_interleaved") == "1" else "; g ran after all of a's rounds"))
    if any(k[0] == "h" for k in results):
        more.append(f"h: `GET /saved/15000` with `HX-Request: true` and that cookie ({m.get('session_check', '')}); "
                    f"each round `wrk -t1 -c1` (one request at a time: the latency) then `-t{m.get('threads')} "
                    f"-c{m.get('conns')}` (throughput), no ceiling (the answer is the visitor's own)")
    if any(k[0] in "ij" for k in results):
        more.append(f"i and j: each starts with a restart of the app ({m.get('flushed', '')}); wrk "
                    f"(`random.lua`, `PER_SECOND=1`) starts the moment `/readyz` on the public port answers 200 "
                    f"(curl every 20 ms) and runs {m.get('cold_duration')} (**cold**, responses counted in each "
                    f"second); then {m.get('random_warmup')} not counted and {m.get('random_duration')} **warm**; "
                    f"ids uniform over the {int(m.get('listings', 0)):,} listings; i: `/images/<id>` with "
                    f"`Accept: application/json` (`ROUTES=images JSON=1 NO_INDEX=1`); j: `/reviews/<id>?index=N`, "
                    f"N in 1..{m.get('page_max_index')} (`ROUTES=reviews MAX_INDEX={m.get('page_max_index')}`); "
                    f"mongo.mv.db in the OS page cache: {m.get('page_cache', '?')}")
    if more:
        lines.append("- **Method, issue #15's scenarios**: " + "; ".join(more) + ".")
    lines += ["", table, ""]
    mem = (f"Memory: app VmHWM {f_mib(m.get('vmhwm_kb'))} at the end (highest sampled VmRSS "
           f"{f_mib(m.get('vmrss_max_kb'))})")
    if m.get("redis_vmhwm_kb"):
        mem += f"; the embedded redis-server, a separate process, VmHWM {f_mib(m.get('redis_vmhwm_kb'))}"
    lines += [mem + ". (The kernel updates VmHWM lazily, so it can be a little under a sampled VmRSS.)", ""]
    cpu = cpu_line(results, m.get("app_cpu") or {})
    if cpu:
        lines += [cpu, ""]
    if plot_name:
        lines += [f"![{run_name}: requests/s and p99 per scenario, app vs nginx ceiling]({plot_name})", ""]
    lines += ["Exact commands (ports were free ones picked for the run):", ""]
    lines.append("```sh")
    lines.append(f"# app ({m.get('app_url')}), started in {m.get('data_dir')}")
    lines.append(m.get("app_command", ""))
    if m.get("ceiling_url"):
        lines.append(f"# ceiling ({m.get('ceiling_url')})")
        lines.append(m.get("nginx_command", ""))
    for scen in ORDER:
        for target in TARGETS:
            e = results.get((scen, target))
            if not e:
                continue
            lines.append(f"# {SHORT[scen]}, {target}")
            for c in e["commands"]:
                lines.append(rel(c, meta))
    lines.append("```")
    lines += ["", "Per round:", "", details, ""]
    if run_no:
        lines += [results_comment(results, meta, run_name), ""]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- summary (issue #15)

RESULTS_RE = re.compile(r"^<!-- bench-results (\{.*\}) -->$", re.M)
SUMMARY_START = "<!-- bench-summary:start -->"
SUMMARY_END = "<!-- bench-summary:end -->"


def figures(e):
    if not e:
        return None
    out = {k: e.get(k) for k in ("rps", "p50", "p99", "errors", "min_second", "first_second", "per_second")
           if e.get(k) is not None}
    return out


def results_comment(results, meta, run_name):
    """one line of JSON with the figures the summary table needs, hidden in the run's section"""
    rec = {"run": run_name, "date": meta.get("date"), "setup": meta.get("setup") or "embedded defaults",
           "listings": int(meta.get("listings", 0) or 0), "java_opts": meta.get("java_opts", ""),
           "conns": meta.get("conns")}
    for key, (scen, target) in (("a", ("a", "app")), ("g", ("g", "app")), ("h1", ("h", "app-c1")),
                                ("h", ("h", "app")), ("i_cold", ("i", "cold")), ("i_warm", ("i", "warm")),
                                ("j_cold", ("j", "cold")), ("j_warm", ("j", "warm"))):
        f = figures(results.get((scen, target)))
        if f:
            rec[key] = f
    text = json.dumps(rec, separators=(",", ":")).replace("--", "-\\u002d")
    return f"<!-- bench-results {text} -->"


def ms(v):
    return f_ms(v) if v is not None else "-"


def listings_note(rec, want=100000):
    n = rec.get("listings") or 0
    return "" if n == want else f" (on {n:,} listings; the target is over {want:,})"


def t_session(rec):
    a, g = rec.get("a"), rec.get("g")
    if not (a and g and a.get("rps") and g.get("rps")):
        return None
    r = g["rps"] / a["rps"]
    fig = (f"g {f_rps(g['rps'])} vs a {f_rps(a['rps'])} requests/s: **{100 * r:.1f} %** "
           f"(p99 g {ms(g.get('p99'))}, a {ms(a.get('p99'))})")
    return fig, ("yes" if r >= 0.9 else "**no**")


def t_fragment(rec):
    h1, h = rec.get("h1"), rec.get("h")
    if not h1:
        return None
    fig = f"p50 **{ms(h1.get('p50'))}**, p99 {ms(h1.get('p99'))} at 1 connection ({f_rps(h1.get('rps'))} requests/s)"
    if h:
        fig += f"; {f_rps(h.get('rps'))} requests/s, p99 {ms(h.get('p99'))} at {rec.get('conns') or 50} connections"
    return fig, ("yes" if h1.get("p50") is not None and h1["p50"] < 1.0 else "**no**")


def t_cold_ids(rec):
    e = rec.get("i_cold")
    if not e or e.get("min_second") is None:
        return None
    ps = e.get("per_second") or []
    fig = (f"first {len(ps)} s after readiness: lowest second **{f_int(e['min_second'])}**, "
           f"first second {f_int(e.get('first_second'))}, mean {f_rps(e.get('rps'))} requests/s, p99 {ms(e.get('p99'))} "
           f"(original: {ORIGINAL_COLD_RPS:,}, p99 {ORIGINAL_COLD_P99_MS} ms)")
    met = "yes" if e["min_second"] >= ORIGINAL_COLD_RPS else "**no**"
    return fig, met + listings_note(rec)


def t_warm_ids(rec):
    e = rec.get("i_warm")
    if not e or e.get("rps") is None:
        return None
    fig = f"**{f_rps(e['rps'])}** requests/s, p99 {ms(e.get('p99'))} ({e['rps'] / ORIGINAL_COLD_RPS:.2f}× the original's cold rate)"
    return fig, ("yes" if e["rps"] >= 2 * ORIGINAL_COLD_RPS else "**no**") + listings_note(rec)


def t_warm_pages(rec):
    e = rec.get("j_warm")
    if not e or e.get("rps") is None:
        return None
    fig = f"**{f_rps(e['rps'])}** requests/s, p99 **{ms(e.get('p99'))}**"
    ok = e["rps"] >= 5000 and e.get("p99") is not None and e["p99"] < 50
    return fig, ("yes" if ok else "**no**") + listings_note(rec)


def t_cold_pages(rec):
    e = rec.get("j_cold")
    if not e or e.get("rps") is None:
        return None
    fig = (f"{f_rps(e['rps'])} requests/s over the first seconds (lowest second {f_int(e.get('min_second'))}), "
           f"p99 {ms(e.get('p99'))}")
    return fig, "(no target)"


SUMMARY_TARGETS = (
    ("g: a session holder's hot page ≥ 90 % of an anonymous visitor's (a), same run", t_session),
    ("h: the per-visitor fragment (`GET /saved/{id}`, htmx) p50 < 1 ms", t_fragment),
    (f"i cold: random ids (`/images/<id>`, JSON) from the first second after readiness ≥ the original's "
     f"{ORIGINAL_COLD_RPS:,}/s (every whole second of the first 10 s)", t_cold_ids),
    (f"i warm: random ids ≥ 2× the original ({2 * ORIGINAL_COLD_RPS:,}/s)", t_warm_ids),
    ("j warm: random pages (`/reviews/<id>?index=N`) ≥ 5,000/s, p99 < 50 ms", t_warm_pages),
    ("j cold: random pages right after a start", t_cold_pages),
)


def summary_table(text):
    """the summary of issue #15's targets: the latest figure per target and setup"""
    recs = []
    for m in RESULTS_RE.finditer(text):
        try:
            recs.append(json.loads(m.group(1)))
        except ValueError:
            continue
    setups = []
    for r in recs:
        if r.get("setup") not in setups:
            setups.append(r.get("setup"))
    lines = ["| target (issue #15) | setup | latest figure | met? | run |", "|---|---|---|---|---|"]
    for label, fn in SUMMARY_TARGETS:
        rows = 0
        for setup in setups:
            latest = None
            for r in recs:
                if r.get("setup") == setup:
                    got = fn(r)
                    if got:
                        latest = (r, got)
            if latest:
                r, (fig, met) = latest
                opts = f"; {r['java_opts']}" if r.get("java_opts") else ""
                lines.append(f"| {label} | {setup}, {r.get('listings', 0):,} listings{opts} | {fig} | {met} | "
                             f"{r.get('run')} ({r.get('date')}) |")
                rows += 1
        if not rows:
            lines.append(f"| {label} | | not measured yet | | |")
    return "\n".join(lines)


def update_summary(docs):
    text = read_text(docs)
    a, b = text.find(SUMMARY_START), text.find(SUMMARY_END)
    if a < 0 or b < a:
        return False
    table = summary_table(text)
    new = text[:a] + SUMMARY_START + "\n" + table + "\n" + text[b:]
    with open(docs, "w", encoding="utf-8") as f:
        f.write(new)
    return True


# ---------------------------------------------------------------------------- main

def cmd_report(run, docs=None, png_dir=None):
    meta = read_meta(run)
    meta["where_ran"] = where_ran(run)
    results = aggregate(run)
    peaks = rss_by_scenario(run)
    meta["app_cpu"] = cpu_by_phase(run)
    table = build_table(results, peaks, meta)
    details = round_details(results)

    png = os.path.join(run, "benchmarks.png")
    have_plot = False
    try:
        have_plot = plot(results, meta, png)
    except Exception as ex:  # the table matters more than the picture
        print(f"report.py: no plot: {ex!r}", file=sys.stderr)

    plot_name = None
    run_no = next_run_number(docs) if docs else None
    if docs and png_dir and have_plot:
        base = f"benchmarks-{meta.get('date')}"
        name = base + ".png"
        n = 2
        while os.path.exists(os.path.join(png_dir, name)):
            name = f"{base}-{n}.png"
            n += 1
        shutil.copyfile(png, os.path.join(png_dir, name))
        shutil.copyfile(png, os.path.join(png_dir, "benchmarks-latest.png"))
        plot_name = name
    elif have_plot:
        plot_name = "benchmarks.png"

    text = section(results, meta, table, details, plot_name, run_no, run)
    serial = {f"{k[0]}/{k[1]}": v for k, v in results.items()}
    with open(os.path.join(run, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"meta": meta, "results": serial, "rss_peaks_kb": peaks}, f, indent=2)
    with open(os.path.join(run, "table.md"), "w", encoding="utf-8") as f:
        f.write(table + "\n")
    with open(os.path.join(run, "section.md"), "w", encoding="utf-8") as f:
        f.write(text)
    if docs:
        existing = read_text(docs)
        sep = "" if existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
        with open(docs, "a", encoding="utf-8") as f:
            f.write(sep + text)
        if not update_summary(docs):
            print(f"report.py: no {SUMMARY_START} … {SUMMARY_END} in {docs}: summary not updated", file=sys.stderr)
    print(table)
    print(f"\nwhere each process ran (Cpus_allowed_list): {meta['where_ran'] or '-'}")
    if docs:
        print(f"\nappended 'Run {run_no}' to {docs}" + (f", plot {os.path.join(png_dir, plot_name)}" if plot_name and png_dir else ""))
    else:
        print(f"\nsection (not written to the docs): {os.path.join(run, 'section.md')}")
    bad = [f"{k[0]}/{k[1]}" for k, v in results.items() if v["failed_rounds"]]
    return 3 if bad else 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    if argv[1] == "nginx" and len(argv) == 6:
        render_nginx(argv[2], argv[3], argv[4], argv[5])
        return 0
    if argv[1] == "summary" and len(argv) == 3:
        return 0 if update_summary(argv[2]) else 1
    if argv[1] == "wrk" and len(argv) == 3:
        print(json.dumps(parse_wrk(read_text(argv[2])), indent=2))
        return 0
    if argv[1] == "report" and len(argv) >= 3:
        docs = png_dir = None
        rest = argv[3:]
        while rest:
            if rest[0] == "--docs" and len(rest) > 1:
                docs, rest = rest[1], rest[2:]
            elif rest[0] == "--png-dir" and len(rest) > 1:
                png_dir, rest = rest[1], rest[2:]
            else:
                print(f"unknown argument {rest[0]!r}", file=sys.stderr)
                return 2
        return cmd_report(argv[2], docs, png_dir)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
