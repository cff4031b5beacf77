# shellcheck shell=bash
# Command-line tools the scripts and the quick start need, installed from Debian's packages
# when missing. Sourced after env.sh.

KAMEA_APT_UPDATED=${KAMEA_APT_UPDATED:-false}

kamea_apt_install() { # package...
  if [ "$KAMEA_APT_UPDATED" != true ]; then
    kamea_log "apt-get update"
    apt-get update -q >/dev/null
    KAMEA_APT_UPDATED=true
  fi
  kamea_log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

tools_install() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  command -v unzip >/dev/null || missing+=(unzip)
  command -v ss >/dev/null || missing+=(iproute2)
  command -v mosquitto_pub >/dev/null || missing+=(mosquitto-clients)
  if [ ${#missing[@]} -gt 0 ]; then
    kamea_apt_install "${missing[@]}"
  fi
}

# The end-to-end tests of the web UI drive a headless Chromium through its driver (Selenium,
# kamea-ear's BrowserIT): both from Debian, so nothing is downloaded at test time. certutil (NSS
# tools) makes the browser's certificate database trust the development CA (HTTPS UI).
browser_install() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v certutil >/dev/null || missing+=(libnss3-tools)
  if [ ${#missing[@]} -gt 0 ]; then
    kamea_apt_install "${missing[@]}"
  fi
}

# test.sh checks every shell script with shellcheck, from Debian like the rest.
shellcheck_install() {
  command -v shellcheck >/dev/null || kamea_apt_install shellcheck
}

# Runs shellcheck on every script of server-config/ and on CI's entry point; fails on any finding.
# Sourced files are followed (-x): a function or variable used across files is checked as such.
shellcheck_scripts() {
  local scripts=()
  mapfile -t scripts < <(cd "$KAMEA_ROOT" && { find server-config -name '*.sh'; echo .ci/run; } | sort)
  kamea_log "shellcheck: ${#scripts[@]} scripts"
  (cd "$KAMEA_ROOT" && shellcheck -x "${scripts[@]}")
}

KAMEA_M2_REPO=${KAMEA_M2_REPO:-$HOME/.m2/repository}

# kamea_fetch_zip GROUP ARTIFACT VERSION CLASSIFIER|"" -> prints the path of the zip in the local
# Maven repository, downloading it from Maven Central first if needed.
kamea_fetch_zip() {
  local g=$1 a=$2 v=$3 c=$4 f
  f="$KAMEA_M2_REPO/${g//.//}/$a/$v/$a-$v${c:+-$c}.zip"
  if [ ! -s "$f" ]; then
    kamea_log "fetching $g:$a:$v:zip${c:+:$c} with Maven"
    local mo; mo=$(mvn -q -B dependency:get -Dartifact="$g:$a:$v:zip${c:+:$c}" -Dtransitive=false 2>&1) || { echo "$mo" >&2; return 1; }
  fi
  [ -s "$f" ] || { kamea_log "not found after download: $f (set KAMEA_M2_REPO?)"; return 1; }
  echo "$f"
}

kamea_need_unzip() {
  command -v unzip >/dev/null 2>&1 || kamea_apt_install unzip
}
