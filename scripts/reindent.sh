#!/usr/bin/env bash
# Re-indents every Java file written with 4 spaces to the repository's 2 (.editorconfig), leading spaces only.
# Run once at the end of issue 11; scripts/test.sh (CI) runs --check since, so a 4-space file fails the build:
#
#   scripts/reindent.sh            re-indent, then compile every module and run executor-core's and
#                                  platform-infra's tests (what the re-indent was verified with)
#   scripts/reindent.sh --check    change nothing; exit 1 when a file would change (for CI afterwards)
#   scripts/reindent.sh --no-verify   re-indent only
#
# The program is scripts/reindent/Reindent.java (plain Java, no dependencies, deterministic; run with the JDK the
# build uses). Text blocks are left alone; every rewritten line is checked to differ in leading spaces only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

case "${1:-}" in
  --check) exec java scripts/reindent/Reindent.java --check . ;;
  --no-verify) exec java scripts/reindent/Reindent.java . ;;
  "") ;;
  *) echo "usage: scripts/reindent.sh [--check | --no-verify]" >&2; exit 2 ;;
esac

java scripts/reindent/Reindent.java .
java scripts/reindent/Reindent.java --check . >/dev/null
./mvnw -B -q test-compile
./mvnw -B -q -pl executor-core,platform-infra test
echo "[reindent] re-indented; every module compiles and executor-core's and platform-infra's tests pass"
