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
