#!/usr/bin/env bash
# Runs the platform: local services, migrations, Development demo data, then the Host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/lib/settings.sh

scripts/services up
# Chromium's headless shell renders Billing's invoice PDFs.
scripts/chromium up > /dev/null
MODULAR_PDF_CHROMIUM=$(scripts/chromium pdf)
export MODULAR_PDF_CHROMIUM

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="$MODULAR_HTTP_URL"

echo "==> Building"
# The operator console first: the Host's build copies web/dist into its wwwroot.
scripts/web build
dotnet build src/Host/Host.csproj -c Release -nologo -v quiet
# The content root is the build output, so its appsettings.json applies whatever the working directory.
host=(dotnet src/Host/bin/Release/net10.0/Modular.Host.dll --contentRoot "$MODULAR_ROOT/src/Host/bin/Release/net10.0")

echo "==> Applying migrations"
"${host[@]}" --migrate-only

if [[ $ASPNETCORE_ENVIRONMENT == Development ]]; then
  echo "==> Development demo data"
  "${host[@]}" --seed-demo
  cat <<USERS
==> Demo users (Development only), all with the password Modular-Demo-2026
    admin@modular.demo            PlatformAdmin
    finance@modular.demo          FinanceOperator
    billing@modular.demo          BillingOperator
    risk@modular.demo             RiskManager
    merchant.admin@modular.demo   MerchantAdmin    (Demo Merchant)
    merchant.user@modular.demo    MerchantUser     (Demo Merchant)
    customer@modular.demo         Customer
    Log in: curl -s $MODULAR_HTTP_URL/api/iam/token -H 'Content-Type: application/json' \
              -d '{"email":"admin@modular.demo","password":"Modular-Demo-2026"}'
USERS
fi

cat <<INFO
==> Modular is starting on $MODULAR_HTTP_URL
    API:        $MODULAR_HTTP_URL/api/<module>/...
    OpenAPI:    $MODULAR_HTTP_URL/openapi/v1.json
    Health:     $MODULAR_HTTP_URL/health/live  and  $MODULAR_HTTP_URL/health/ready
    Mail (UI):  http://$MODULAR_SMTP_HOST:$MODULAR_MAILDEV_WEB_PORT
    Stop with Ctrl+C; stop the services with: scripts/services down
INFO
if [[ $ASPNETCORE_ENVIRONMENT != Development ]]; then exec "${host[@]}"; fi

# Development: the rest of the demo data goes through the API once the Host answers (scripts/demo-data).
"${host[@]}" &
host_pid=$!
trap 'kill -TERM "$host_pid" 2>/dev/null; wait "$host_pid"' INT TERM
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$MODULAR_HTTP_URL/health/ready" 2>/dev/null && break
  kill -0 "$host_pid" 2>/dev/null || exit 1
  sleep 0.5
done
scripts/demo-data "$MODULAR_HTTP_URL" || echo "==> The demo data could not be completed (see above); the platform keeps running"
wait "$host_pid"
