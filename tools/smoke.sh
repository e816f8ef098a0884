#!/usr/bin/env bash
# Runs through `./descent shell`, with the given java: tools/smoke.jsh (checked against the book's numbers) and the
# README's five-minute tour, exactly as printed there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="$1"
tour="$(mktemp --suffix=.jsh)"
trap 'rm -f "$tour"' EXIT
awk '/^## A five-minute tour/{t=1} t && /^```java/{c=1; next} c && /^```/{exit} c' "$ROOT/README.md" > "$tour"
[ -s "$tour" ] || { echo "smoke: no java block under '## A five-minute tour' in README.md" >&2; exit 1; }
out="$(JAVA_HOME="$(dirname "$(dirname "$JAVA")")" "$ROOT/descent" shell "$ROOT/tools/smoke.jsh" "$tour")"
echo "$out"
# The seed text prints these points of SGD(lr=0.95) on x^2/20 + y^2 (steps 1 and 29).
for expected in "-6.335" "-1.7999999999999998" "-0.3871745809417897" "-0.09420257394492468"; do
  grep -q -- "$expected" <<<"$out" || { echo "smoke: expected $expected in the output" >&2; exit 1; }
done
