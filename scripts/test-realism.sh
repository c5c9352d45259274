#!/usr/bin/env bash
# The send, poll and recovery tests against a local Twilio server in each realism mode of
# src/twilio-server/faults.ts (docs/design.md, "What we assume of Twilio"). Not part of npm test:
# it runs those files three more times (about 3.5 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
for mode in '{"listLagMs":3000}' '{"staySent":true}' '{"dateOnly":false}'; do
  echo "== TWILIO_REALISM=$mode"
  TWILIO_REALISM="$mode" npx vitest run test/commands test/faults/twilio.test.ts test/faults/kill.test.ts
done
