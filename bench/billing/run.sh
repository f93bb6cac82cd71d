#!/usr/bin/env bash
# Billing's monthly dispatch scenario (outside CI): BENCH_INVOICES (1,000) invoices for BENCH_ORGANIZATIONS (300)
# organizations mailed through an SMTP relay that takes BENCH_SMTP_RATE (20) mails a second (451 past it) into the
# local maildev, whose own record is the judge; then PDFs rendered through the API; then the seed's flow
# (bench/billing/Reference: a detail call and a PDF per invoice, one synchronous send request for all that looks up
# customers and contacts per invoice). BENCH_INVOICES=50 BENCH_ORGANIZATIONS=20 proves it end to end in a few minutes.
# Writes bench/results/billing.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source bench/lib.sh
bench_services modular_bench_billing modular-bench-billing
scripts/chromium up >/dev/null
MODULAR_PDF_CHROMIUM=$(scripts/chromium pdf)
export MODULAR_PDF_CHROMIUM
bench_build src/Host bench/billing
exec dotnet bench/billing/bin/Release/net10.0/Modular.Bench.Billing.dll
