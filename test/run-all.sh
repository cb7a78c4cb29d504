#!/usr/bin/env bash
# The one test command (`npm test`, and CI's .ci/run): installs what a fresh
# machine lacks, then type-checks, builds the terminal and runs the unit,
# integration and browser suites against the real gateway and real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

# --- system packages a fresh machine may lack (we are root on CI and dev boxes)
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# QuickFIX C++ and its example executor/ordermatch: the FIX 4.4 counterparty
# that the FIX venue's interoperability tests build and start.
[ -f /usr/include/quickfix/Session.h ] || need_apt+=(libquickfix-dev)
[ -d /usr/share/doc/libquickfix-doc/examples ] || need_apt+=(libquickfix-doc)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- node packages: install when missing or older than the lock file
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing node packages (npm ci; better-sqlite3 builds from source, about 2 minutes)"
  npm ci --no-audit --no-fund
fi

mkdir -p test-results

log "type-check"
npx tsc --noEmit -p .

log "build the terminal"
npx vite build --logLevel warn

# Suites run one after another: the machine has two cores and the browser
# suite wants one of them to itself.
status=0
for project in unit integration e2e; do
  log "tests: $project"
  npx vitest run --project "$project" --reporter=default --reporter=json \
    --outputFile.json="test-results/vitest-$project.json" || status=1
done

# One closing line over all suites, in the plain form CI reads.
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const p of ["unit", "integration", "e2e"]) {
    const f = `test-results/vitest-${p}.json`;
    if (!fs.existsSync(f)) { failed += 1; console.log(`${p}: no results (the suite did not run)`); continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    console.log(`${p}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
  console.log(`\n${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
exit $status
