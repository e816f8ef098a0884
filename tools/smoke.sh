#!/usr/bin/env bash
# Runs through `./descent shell`, with the given java: tools/smoke.jsh (checked against the book's numbers) and the
# README's five-minute tour, exactly as printed there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="$1"
tour="$(mktemp --suffix=.jsh)"
scripts="$(mktemp -d)"
trap 'rm -rf "$tour" "$scripts"' EXIT
awk '/^## A five-minute tour/{t=1} t && /^```java/{c=1; next} c && /^```/{exit} c' "$ROOT/README.md" > "$tour"
[ -s "$tour" ] || { echo "smoke: no java block under '## A five-minute tour' in README.md" >&2; exit 1; }
out="$(JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$ROOT/descent" shell "$ROOT/tools/smoke.jsh" "$tour")"
echo "$out"
# The seed text prints these points of SGD(lr=0.95) on x^2/20 + y^2 (steps 1 and 29).
for expected in "-6.335" "-1.7999999999999998" "-0.3871745809417897" "-0.09420257394492468"; do
  grep -q -- "$expected" <<<"$out" || { echo "smoke: expected $expected in the output" >&2; exit 1; }
done

# JShell commands work in scripts as in jshell: /open (relative to the script), /vars, /exit ends with status 0.
mkdir -p "$scripts/lib"
printf 'var g = Functions.dlfsBowl();\n' > "$scripts/lib/bowl.jsh"
printf '/open bowl.jsh\n/vars\n/exit\nthrow new IllegalStateException("after /exit");\n' > "$scripts/lib/main.jsh"
out="$(JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$ROOT/descent" shell "$scripts/lib/main.jsh")" \
  || { echo "smoke: a script ending in /exit failed" >&2; exit 1; }
grep -qF -- "g = Objective(x^2/20 + y^2" <<<"$out" || { echo "smoke: /vars did not list g after /open: $out" >&2; exit 1; }
# ... and the first error still stops with the file and line and a non-zero status.
printf 'int ok = 1;\nint bad = "text";\n' > "$scripts/bad.jsh"
if err="$(JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$ROOT/descent" shell "$scripts/bad.jsh" 2>&1)"; then
  echo "smoke: a failing script exited 0" >&2; exit 1
fi
grep -qF -- "$scripts/bad.jsh:2: error in: int bad" <<<"$err" || { echo "smoke: expected file:line in: $err" >&2; exit 1; }
echo "smoke: /open, /vars, /exit and a failing line behave as expected"
