#!/usr/bin/env bash
# The consumer matrix: the packed package in fresh projects on Node 22 and 24, with the peers npm
# resolves there today (`latest`: vitest 5, msw 3, jest 30, nock 15) and the oldest majors we claim
# (`oldest`: vitest 4, msw 2, jest 29, nock 14). Each run prints
# `node vX, vitest A, msw B, jest C, nock D, typescript E` and one line per check; the TypeScript
# matrix (5.9, 6, 7 × node16 ESM/CJS, bundler, node10, skipLibCheck false) runs once per peer set,
# since it does not depend on Node. Node 22.11 (no require(esm)) checks the one-line refusal.
# Two runs at a time (two lanes, one per Node). Ends with `N passed, N failed`; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT
started=$SECONDS

# Node.js binaries from the registry's `node` package.
for version in 22 24 22.11.0; do
  mkdir -p "$tools/node-$version"
  (cd "$tools/node-$version" && npm install --no-audit --no-fund --loglevel=error "node@$version" >/dev/null) ||
    { echo "could not install node@$version"; echo "0 passed, 1 failed"; exit 1; }
done
node_bin() { echo "$tools/node-$1/node_modules/node/bin/node"; }

# One tarball for every run (`npm pack` runs `prepare`, the build).
tarball="$(npm pack --silent --pack-destination "$tools" | tail -1)"
[ -f "$tools/$tarball" ] || { echo "npm pack failed"; echo "0 passed, 1 failed"; exit 1; }
tarball="$tools/$tarball"

matrix() { npx --no tsx test/consumer/matrix.ts --tarball "$tarball" "$@"; }

# Lane per Node: each log is printed whole when its lane ends.
(
  matrix --node "$(node_bin 22)" --profile latest --no-types --unsupported-node "$(node_bin 22.11.0)"
  matrix --node "$(node_bin 22)" --profile oldest
) >"$tools/lane-22.log" 2>&1 &
lane22=$!
(
  matrix --node "$(node_bin 24)" --profile latest
  matrix --node "$(node_bin 24)" --profile oldest --no-types
) >"$tools/lane-24.log" 2>&1 &
lane24=$!
wait $lane22
wait $lane24

cat "$tools/lane-22.log" "$tools/lane-24.log"
passed=0
failed=0
while read -r p f; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(cat "$tools/lane-22.log" "$tools/lane-24.log" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1 \2/p')
runs=$(cat "$tools/lane-22.log" "$tools/lane-24.log" | grep -c '^node v')
[ "$runs" -eq 4 ] || { echo "expected 4 runs, found $runs"; failed=$((failed + 1)); }
echo "consumer matrix: $runs runs in $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
