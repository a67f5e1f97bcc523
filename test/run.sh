#!/usr/bin/env bash
# `npm test`: type check, then the node:test suite on PGlite and on PostgreSQL.
#
#   npm test                          everything
#   npm test -- src/modules/advice    only test files whose path contains one of the words
#
# Environment:
#   TEST_DATABASE_URL  PostgreSQL server to test against (a user that may create databases).
#                      Unset: a throwaway server is started (test/support/pg.sh) when
#                      PostgreSQL is installed or can be installed; otherwise the PostgreSQL
#                      run is skipped with a notice (in CI, CI=true, that is a failure).
#   TEST_SKIP_POSTGRES=1  skip the PostgreSQL run.
#   TEST_SKIP_TYPECHECK=1 skip `tsc --noEmit`.
#   TEST_SKIP_STATIC=1    skip the static checks (module boundaries, lint, API rules, unused code).
#   TEST_TSX=1            run the test files through tsx instead of from their bundles
#                         (scripts/build-tests.mjs; the bundles load a second or two faster per file).
#
# Test files: src/**/*.test.ts and test/**/*.test.ts. Run 1 (TEST_DB=pglite) runs all of them;
# run 2 (TEST_DB=postgres) runs them again except the browser tests (test/e2e) and the
# self-tests of the test tools (test/support).
set -uo pipefail
cd "$(dirname "$0")/.."
exec </dev/null

# shellcheck source=test/support/pg.sh
source test/support/pg.sh

bold() { if [[ -t 1 ]]; then printf '\033[1m%s\033[0m\n' "$*"; else printf '%s\n' "$*"; fi; }
die() { echo "raadwerk: $*" >&2; exit 2; }

started_at=$SECONDS
export NODE_ENV=test
export TZ=UTC

# ------------------------------------------------------------------ system tools
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ ! -x $chromium_path ]]; then
  raadwerk_apt_install chromium || true
  [[ -x $chromium_path ]] || die "Chromium is missing ($chromium_path). Install it with: apt-get update && apt-get install -y chromium"
fi
if ! command -v java >/dev/null 2>&1; then
  raadwerk_apt_install default-jre-headless || true
  command -v java >/dev/null 2>&1 || die "Java is missing (needed for the HTML checker). Install it with: apt-get update && apt-get install -y default-jre-headless"
fi
# pdftotext (poppler-utils): an independent reader of the PDF letters the tests make.
if ! command -v pdftotext >/dev/null 2>&1; then
  raadwerk_apt_install poppler-utils || true
  command -v pdftotext >/dev/null 2>&1 || die "pdftotext is missing (the tests read the PDF letters with it). Install it with: apt-get update && apt-get install -y poppler-utils"
fi
# nginx: the reverse proxy in front of two app instances (test/instances). Outside CI the test
# says it cannot run when nginx cannot be installed; in CI it must run.
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  raadwerk_apt_install nginx || [[ ${CI:-} != true ]] || die "CI needs nginx for the multi-instance test. Install it with: apt-get update && apt-get install -y nginx"
fi
[[ -x node_modules/.bin/tsx ]] || die "node_modules is missing. Run: npm ci"

# ------------------------------------------------------------------ PostgreSQL
pg_note=
if [[ -n ${TEST_SKIP_POSTGRES:-} ]]; then
  pg_note="skipped (TEST_SKIP_POSTGRES)"
elif [[ -z ${TEST_DATABASE_URL:-} ]]; then
  if ! start_test_postgres; then
    [[ ${CI:-} == true ]] && die "CI needs PostgreSQL: set TEST_DATABASE_URL or install postgresql."
    pg_note="skipped: no PostgreSQL (install postgresql or set TEST_DATABASE_URL)"
  fi
fi

# ------------------------------------------------------------------ test files
mapfile -t all_files < <(find src test -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | LC_ALL=C sort)
if (($# > 0)); then
  selected=()
  for f in "${all_files[@]}"; do
    for word in "$@"; do [[ $f == *"$word"* ]] && { selected+=("$f"); break; }; done
  done
  all_files=("${selected[@]}")
fi
pg_files=()
for f in "${all_files[@]}"; do
  case $f in test/e2e/* | test/support/*) ;; *) pg_files+=("$f") ;; esac
done

workdir=$(mktemp -d "${TMPDIR:-/tmp}/raadwerk-test-run.XXXXXX")
prev_exit_trap=$(trap -p EXIT)
prev_exit_trap=${prev_exit_trap#"trap -- '"}
prev_exit_trap=${prev_exit_trap%"' EXIT"}
# shellcheck disable=SC2064
trap "rm -rf '$workdir'; ${prev_exit_trap}" EXIT

declare -a summary=()
failed=0

# ------------------------------------------------------------------ type check
if [[ -n ${TEST_SKIP_TYPECHECK:-} ]]; then
  summary+=("type check (tsc)          skipped")
else
  bold "== type check: tsc --noEmit (TypeScript 7)"
  t0=$SECONDS
  if node node_modules/typescript7/bin/tsc --noEmit; then
    summary+=("type check (tsc)          ok ($((SECONDS - t0)) s)")
  else
    summary+=("type check (tsc)          FAILED")
    failed=1
  fi
fi

# ------------------------------------------------------------------ static checks
# run_check NAME COMMAND...: a check that must pass (module boundaries, lint, API rules, unused code).
run_check() {
  local name=$1
  shift
  bold ""
  bold "== $name: $*"
  local t0=$SECONDS
  if "$@"; then
    summary+=("$(printf '%-25s ok (%d s)' "$name" $((SECONDS - t0)))")
  else
    summary+=("$(printf '%-25s FAILED' "$name")")
    failed=1
  fi
}
if [[ -z ${TEST_SKIP_STATIC:-} ]]; then
  run_check "module boundaries" npm run --silent lint:deps
  run_check "API design rules" npm run --silent lint:api
  run_check "format and lint (Biome)" npm run --silent lint
  run_check "unused code (knip)" npm run --silent lint:unused
fi

# ------------------------------------------------------------------ node:test runs
# run_suite NAME TEST_DB FILE...
run_suite() {
  local name=$1 db=$2
  shift 2
  local tap="$workdir/$name.tap"
  bold ""
  bold "== tests on $name (TEST_DB=$db): $# files"
  local t0=$SECONDS
  # Build the migrated template once, so that parallel test files do not all migrate.
  if ! TEST_DB=$db node --import tsx --input-type=module \
      -e "await (await import('./test/support/db.ts')).prepareTestTemplate()"; then
    echo "raadwerk: could not prepare the $name test database (see the error above); running the tests anyway" >&2
  fi
  local runner=(--import tsx) files=("$@")
  if [[ -n $bundles ]]; then
    runner=(--enable-source-maps)
    files=()
    for f in "$@"; do files+=("$bundles/${f%.ts}.js"); done
  fi
  TEST_DB=$db node "${runner[@]}" --test --test-concurrency=2 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" \
    "${files[@]}"
  local rc=$?
  # The runner's own closing lines, from the TAP report.
  echo
  echo "-- $name: node test runner totals"
  grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$tap" || echo "# (no TAP summary: the runner stopped early)"
  local pass fail
  pass=$(grep -E '^# pass ' "$tap" | tail -1 | awk '{print $3}')
  fail=$(grep -E '^# fail ' "$tap" | tail -1 | awk '{print $3}')
  if ((rc == 0)); then
    summary+=("$(printf '%-25s ok: %s passed (%d s)' "tests on $name" "${pass:-?}" $((SECONDS - t0)))")
  else
    summary+=("$(printf '%-25s FAILED: %s passed, %s failed, exit %d (%d s)' "tests on $name" "${pass:-?}" "${fail:-?}" "$rc" $((SECONDS - t0)))")
    failed=1
  fi
}

# ------------------------------------------------------------------ test bundles
# Inside the project, so that the bundles find node_modules; made again at every run.
bundles=
if [[ -z ${TEST_TSX:-} ]] && ((${#all_files[@]} > 0)); then
  t0=$SECONDS
  if node scripts/build-tests.mjs node_modules/.cache/raadwerk/test-build; then
    bundles=node_modules/.cache/raadwerk/test-build
    summary+=("$(printf '%-25s ok (%d s)' 'test bundles' $((SECONDS - t0)))")
  else
    echo "raadwerk: could not bundle the test files (see above); running them through tsx" >&2
    summary+=("test bundles              FAILED: the tests ran through tsx")
    failed=1
  fi
fi

if ((${#all_files[@]} == 0)); then
  summary+=("tests                     none found")
else
  run_suite pglite pglite "${all_files[@]}"
  if [[ -n $pg_note ]]; then
    summary+=("$(printf '%-25s %s' 'tests on postgres' "$pg_note")")
  elif ((${#pg_files[@]} == 0)); then
    summary+=("$(printf '%-25s %s' 'tests on postgres' 'no test files to run')")
  else
    run_suite postgres postgres "${pg_files[@]}"
  fi
fi

# ------------------------------------------------------------------ summary
echo
bold "== summary ($((SECONDS - started_at)) s)"
for line in "${summary[@]}"; do echo "  $line"; done
if ((failed)); then
  bold "FAILED"
  exit 1
fi
bold "OK"
