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

# The operator console first: the Host's build copies web/dist into its wwwroot.
scripts/web build
# MSBuild takes 15-30 s here even when nothing changed, so the build is skipped when no file it reads changed since the
# last one (names, sizes and times of the tracked and new files under src/, the build props, services.env, the console).
output=src/Host/bin/Release/net10.0
inputs() {
  { git ls-files -z --cached --others --exclude-standard -- src Directory.Build.props Directory.Packages.props services.env \
      | xargs -0 -r stat -c '%n %s %Y' 2>/dev/null || true; cat web/dist/.source-hash; } | sha256sum | cut -d' ' -f1
}
stamp=.local/host-build.inputs
if [[ -f $output/Modular.Host.dll && -f $stamp && $(cat "$stamp") == "$(inputs)" ]]; then
  echo "==> The Host is up to date"
else
  echo "==> Building"
  dotnet build src/Host/Host.csproj -c Release -nologo -v quiet
  inputs > "$stamp"
fi
# The content root is the build output, so its appsettings.json applies whatever the working directory.
host=(dotnet "$output/Modular.Host.dll" --contentRoot "$MODULAR_ROOT/$output")

# Migrations: --seed-demo applies them first, and the Host does at start (under the migrator's advisory lock).
if [[ $ASPNETCORE_ENVIRONMENT == Development ]]; then
  echo "==> Migrations and Development demo data"
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
