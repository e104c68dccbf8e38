#!/usr/bin/env python3
"""Hot methods of a JFR recording, as Markdown: where the CPU samples were taken (self) and
which libraries they were under (inclusive). JFR keeps the 64 innermost frames of a stack, so
only inner parts (libraries) are counted inclusively, not the outer filter chain. Used by
loadtest/profile.

    jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr | hot_methods.py [TOP]
"""
import collections
import re
import sys

# (label, pattern on a frame): a sample counts once per label whose pattern any frame matches.
# Only work nested inside a request: filters that wrap the whole chain (security, session,
# observation) are on every stack of a miss without costing it, so they are not listed.
PARTS = [
    ("Thymeleaf rendering", r"^org\.thymeleaf\."),
    ("reading through the caches (Spring Cache; on a miss, MongoDB included)", r"CacheInterceptor\.invoke"),
    ("near cache / Redis cache (OutageTolerantCache)", r"OutageTolerantCache\.get"),
    ("Lettuce (Redis client)", r"^io\.lettuce\."),
    ("MongoDB driver", r"^com\.mongodb\."),
    ("embedded MongoDB server (mongo-java-server)", r"^de\.bwaldvogel\."),
    ("H2 MVStore (embedded store's file)", r"^org\.h2\."),
    ("Jackson (JSON)", r"^tools\.jackson\.|^com\.fasterxml\.jackson\."),
]


def samples(text):
    for event in text.split("jdk.ExecutionSample {")[1:]:
        body = event.split("stackTrace = [", 1)
        if len(body) < 2:
            continue
        frames = []
        for line in body[1].split("\n")[1:]:
            line = line.strip()
            if not line or line.startswith("]") or line == "...":
                if line.startswith("]"):
                    break
                continue
            frames.append(re.sub(r"\s+line:.*$", "", line))
        if frames:
            yield frames


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    all_samples = list(samples(sys.stdin.read()))
    total = len(all_samples)
    if not total:
        print("no execution samples")
        return
    own = collections.Counter(frames[0] for frames in all_samples)
    # where the leaf frame is, by library: Tomcat's own work shows here, not inclusively (every
    # request stack has Tomcat at its bottom)
    libraries = collections.Counter(".".join(frames[0].split("(")[0].split(".")[:3]) for frames in all_samples)
    parts = collections.Counter()
    for frames in all_samples:
        for label, pattern in PARTS:
            if any(re.search(pattern, f) for f in frames):
                parts[label] += 1
    print(f"{total:,} CPU samples.\n")
    print("| under (inclusive) | share of samples |\n|---|---:|")
    for label, _ in PARTS:
        if parts[label]:
            print(f"| {label} | {parts[label] / total:.1%} |")
    print("\n| leaf frame's package (self) | share of samples |\n|---|---:|")
    for library, n in libraries.most_common(8):
        print(f"| `{library}` | {n / total:.1%} |")
    print(f"\n| hottest methods (self) | share of samples |\n|---|---:|")
    for frame, n in own.most_common(top):
        print(f"| `{frame[:150]}` | {n / total:.1%} |")


if __name__ == "__main__":
    main()
