#!/usr/bin/env bash
# Sets everything up and runs the main job on the embedded SQLite default with the sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
clause=build/batch/clause
$clause demo
