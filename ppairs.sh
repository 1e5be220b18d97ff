#!/bin/bash
N=$1; shift
for i in $(seq $N); do
  for v in "$@"; do IFS=: read name src cache <<< "$v"
    EVENTWIRE_CACHE=$cache PYTHONPATH=$src /work/main/.venv/bin/python /tmp/speed9/ponly.py /tmp/speed9/ponly-$name.jsonl
  done
done
