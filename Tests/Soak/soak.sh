#!/usr/bin/env bash
# The long soak of the fuzz suite (issue 13): builds in release mode and runs
# `wardgraph-bench soak` over this project: mutated programs, documents and shell
# sessions in child processes (a crash or a hang is counted, not fatal), a share of
# them through the wardgraph binary, and rounds of log damage checked for lost bytes.
# It prints cases, crashes, hangs, errors without a place and committed bytes lost,
# and exits 1 if any is not zero.
#
#   Tests/Soak/soak.sh                      # 20,000 cases, 300 log rounds (about 10 minutes)
#   Tests/Soak/soak.sh --cases 100000 --seed 7 --log-rounds 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product wardgraph >/dev/null
swift build -c release --product wardgraph-bench >/dev/null
exec .build/release/wardgraph-bench soak --project "$PWD" "$@"
