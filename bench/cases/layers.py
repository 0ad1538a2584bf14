#!/usr/bin/env python3
"""CPU samples of a Java Flight Recorder recording, by layer of a POST /api/cases request.

Usage: bench/cases/layers.py RECORDING.jfr [JFR_TOOL]
Each jdk.ExecutionSample goes to the innermost layer found on its stack (a JDBC call made by the idempotency code
counts as idempotency; Jackson inside the event registry counts as event publication); the column "in JDBC" says
how much of each layer was spent in Spring JDBC, HikariCP and the PostgreSQL driver.
"""
import re
import subprocess
import sys
from collections import Counter

# (layer, pattern) from the outermost to the innermost: the last one matching a frame of the stack wins.
LAYERS = [
    ("HTTP (Tomcat, Spring MVC, filters)", r"^(org\.apache\.(catalina|coyote|tomcat)|org\.springframework\.web\.|"
                                          r"jakarta\.servlet|org\.springframework\.boot\.web)"),
    ("security (filter chain, API token)", r"^(org\.springframework\.security\.|org\.ruleone\.platform\.internal\."
                                           r"ApiTokenFilter|org\.ruleone\.platform\.ApiTokens)"),
    ("JSON API (read, check, answer)", r"^(org\.ruleone\.platform\.JsonApi|org\.ruleone\.service\.api\.)"),
    ("JSON (Jackson)", r"^tools\.jackson\.|^com\.fasterxml\.jackson\."),
    ("idempotency", r"^org\.ruleone\.platform\.Idempotency"),
    ("domain (open the case)", r"^org\.ruleone\.(service|customers)\.(?!api\.)"),
    ("transaction (begin, commit)", r"^org\.springframework\.transaction\.|"
                                    r"^org\.springframework\.jdbc\.datasource\.DataSourceTransactionManager"),
    ("event publication (Modulith registry)", r"^org\.springframework\.modulith\.events"),
    ("listeners (standards, ledger, webhooks)", r"^org\.ruleone\.(standards|ledger)\.|"
                                                r"^org\.ruleone\.platform\.internal\.WebhookOutbox"),
]
JDBC = re.compile(r"^(org\.postgresql\.|com\.zaxxer\.hikari\.|org\.springframework\.jdbc\.core)")
COMPILED = [(name, re.compile(p)) for name, p in LAYERS]


def samples(recording, tool):
    out = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "300", recording],
                         capture_output=True, text=True, check=True).stdout
    frames = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("stackTrace = ["):
            frames = []
        elif frames is not None and line == "]":
            yield frames
            frames = None
        elif frames is not None and line and line != "...":
            frames.append(line)


def main():
    recording = sys.argv[1]
    tool = sys.argv[2] if len(sys.argv) > 2 else "jfr"
    by_layer, jdbc, total = Counter(), Counter(), 0
    for frames in samples(recording, tool):
        total += 1
        layer = "other (no request frame: pool, scheduler, JIT'd runtime)"
        # frames are leaf first: walk from the root so that the innermost layer is the last one set
        for frame in reversed(frames):
            for name, pattern in COMPILED:
                if pattern.search(frame):
                    if name == "JSON (Jackson)" and layer.startswith("event publication"):
                        continue
                    layer = name
        by_layer[layer] += 1
        if any(JDBC.search(f) for f in frames):
            jdbc[layer] += 1
    print(f"{total} CPU samples")
    print(f"{'layer':<45} {'share':>6} {'in JDBC':>8}")
    for name, count in by_layer.most_common():
        print(f"{name:<45} {100.0 * count / total:5.1f}% {100.0 * jdbc[name] / total:7.1f}%")
    print(f"{'all layers':<45} {100.0:5.1f}% {100.0 * sum(jdbc.values()) / total:7.1f}%")


if __name__ == "__main__":
    main()
