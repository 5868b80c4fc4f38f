#!/usr/bin/env bash
# Set-up, then build every template in templates/ with the quick profile (release mode).
# Extra arguments go to `spikedown build` (e.g. --out /tmp/reports, --profile full).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product spikedown
.build/release/spikedown build --profile quick "$@"
