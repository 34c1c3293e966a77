#!/usr/bin/env bash
# One line per set: F1 (and per type for wcxb-dev). For tuning loops.
top=$(cd "$(dirname "$0")/.." && pwd)
for s in ${@:-dev wcxb-dev}; do
  OUT=${OUT:-$top/build/eval} "$top/tools/eval.sh" "$s" 2>/dev/null | grep -E "^(dev|wcxb|  wcxb)" | sed "s/^/$s: /"
done
