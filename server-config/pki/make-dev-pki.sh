#!/usr/bin/env bash
# Development PKI for Kamea (NOT for production).
#
#   make-dev-pki.sh            broker root CA + RabbitMQ server certificate + trust store (default)
#   make-dev-pki.sh devices    additionally the device test material (see pki_devices below)
#   make-dev-pki.sh all        same as "devices"
#
# Idempotent: every file that already exists is kept as is (delete $PKI_DIR to regenerate).
# Layout under $PKI_DIR:
#   ca/ca.pem, ca/ca.key              broker root CA (10 years)
#   server/server.pem, server/server.key
#                                     RabbitMQ server certificate, signed by the broker CA,
#                                     SAN DNS:localhost, DNS:$KAMEA_HOST, IP:127.0.0.1, EKU serverAuth
# and the broker CA is copied into $RMQ_TRUST_STORE_PATH (the folder of trusted CAs, bundled by
# rabbitmq_ca_bundle).
# Key files are mode 600 owned by the caller (root: the RabbitMQ node runs as root).
set -euo pipefail

# shellcheck source=../env.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/env.sh"

PKI_KEY_BITS=${PKI_KEY_BITS:-2048}
PKI_CA_DAYS=${PKI_CA_DAYS:-3650}
PKI_CERT_DAYS=${PKI_CERT_DAYS:-825}

# --- generic helpers ----------------------------------------------------------------------------

# pki_key FILE [ALGORITHM] : private key, mode 600 (kept if present). ALGORITHM: rsa (default,
#   $PKI_KEY_BITS bits), rsa:BITS, ec:CURVE (e.g. ec:P-256) or ed25519.
pki_key() {
  [ -f "$1" ] && return 0
  mkdir -p "$(dirname "$1")"
  local opts
  case ${2:-rsa} in
    rsa) opts=(-algorithm RSA -pkeyopt "rsa_keygen_bits:$PKI_KEY_BITS") ;;
    rsa:*) opts=(-algorithm RSA -pkeyopt "rsa_keygen_bits:${2#rsa:}") ;;
    ec:*) opts=(-algorithm EC -pkeyopt "ec_paramgen_curve:${2#ec:}") ;;
    ed25519) opts=(-algorithm ED25519) ;;
    *) kamea_log "pki: unknown key algorithm $2"; return 1 ;;
  esac
  (umask 077 && openssl genpkey "${opts[@]}" -out "$1" 2>/dev/null)
  chmod 600 "$1"
}

# pki_make_ca DIR CN [DAYS] : self-signed root CA DIR/ca.pem + DIR/ca.key
pki_make_ca() {
  local dir=$1 cn=$2 days=${3:-$PKI_CA_DAYS}
  [ -f "$dir/ca.pem" ] && [ -f "$dir/ca.key" ] && return 0
  kamea_log "pki: creating CA '$cn' in $dir"
  mkdir -p "$dir"
  pki_key "$dir/ca.key"
  openssl req -x509 -new -sha256 -key "$dir/ca.key" -days "$days" -subj "/O=Kamea dev/CN=$cn" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$dir/ca.pem"
  chmod 644 "$dir/ca.pem"
}

# pki_sign CA_DIR PREFIX CN PROFILE [DAYS] [SAN]
#   Key PREFIX.key + certificate PREFIX.pem signed by CA_DIR/ca.{pem,key}.
#   PROFILE: server (EKU serverAuth) | client (EKU clientAuth).
pki_sign() {
  local ca=$1 prefix=$2 cn=$3 profile=$4 days=${5:-$PKI_CERT_DAYS} san=${6:-}
  [ -f "$prefix.pem" ] && [ -f "$prefix.key" ] && return 0
  kamea_log "pki: creating $profile certificate '$cn' -> $prefix.pem (CA $ca)"
  pki_key "$prefix.key"
  local ext eku
  ext=$(mktemp)
  case $profile in
    server) eku=serverAuth ;;
    client) eku=clientAuth ;;
    *) kamea_log "pki: unknown profile $profile"; rm -f "$ext"; return 1 ;;
  esac
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$eku"
    echo "subjectKeyIdentifier=hash"
    echo "authorityKeyIdentifier=keyid,issuer"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } > "$ext"
  openssl req -new -sha256 -key "$prefix.key" -subj "/O=Kamea dev/CN=$cn" 2>/dev/null |
    openssl x509 -req -sha256 -CA "$ca/ca.pem" -CAkey "$ca/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
      -days "$days" -extfile "$ext" -out "$prefix.pem" 2>/dev/null
  rm -f "$ext"
  chmod 644 "$prefix.pem"
}

# pki_trust PEM NAME : whitelist a CA in the RabbitMQ trust store directory (taken into the CA
#   bundle at the broker's next start, or by rabbitmq_refresh_trust).
pki_trust() {
  mkdir -p "$RMQ_TRUST_STORE_PATH"
  if ! cmp -s "$1" "$RMQ_TRUST_STORE_PATH/$2.pem"; then
    cp "$1" "$RMQ_TRUST_STORE_PATH/$2.pem"
    chmod 644 "$RMQ_TRUST_STORE_PATH/$2.pem"
    kamea_log "pki: $2.pem added to trust store $RMQ_TRUST_STORE_PATH"
  fi
}

# --- broker ---------------------------------------------------------------------------------------

pki_broker_ca() {
  pki_make_ca "$PKI_DIR/ca" "Kamea dev broker root CA"
}

pki_server_cert() {
  local san="DNS:localhost,IP:127.0.0.1"
  [ "$KAMEA_HOST" != localhost ] && san="$san,DNS:$KAMEA_HOST"
  if [ "$KAMEA_BIND" != 127.0.0.1 ] && [ "$KAMEA_BIND" != 0.0.0.0 ] && [[ $KAMEA_BIND =~ ^[0-9.]+$ ]]; then
    san="$san,IP:$KAMEA_BIND"
  fi
  mkdir -p "$PKI_DIR/server"
  pki_sign "$PKI_DIR/ca" "$PKI_DIR/server/server" "$KAMEA_HOST" server "$PKI_CERT_DAYS" "$san"
}

# --- devices (test material; each function is independent) ---------------------------------------
# $PKI_DIR/devices/
#   whitelisted-ca/ca.{pem,key}    CA whose certificate is in the trust store
#   unknown-ca/ca.{pem,key}        CA that is NOT whitelisted
#   <name>.{pem,key}               device certificates, CN = <name>

pki_device_whitelisted_ca() {
  pki_make_ca "$PKI_DIR/devices/whitelisted-ca" "Kamea dev whitelisted device CA"
  pki_trust "$PKI_DIR/devices/whitelisted-ca/ca.pem" devices-whitelisted-ca
}

pki_device_unknown_ca() {
  pki_make_ca "$PKI_DIR/devices/unknown-ca" "Kamea dev unknown device CA"
}

# pki_device_cert NAME CA_DIR : device client certificate CN=NAME signed by CA_DIR
pki_device_cert() {
  pki_sign "$2" "$PKI_DIR/devices/$1" "$1" client
}

# pki_device_self_signed NAME [KEY_ALGORITHM] [SUBJECT] [BASIC_CONSTRAINTS]
#   Self-signed device certificate NAME.pem + NAME.key (uploaded to the API by the tests).
#   KEY_ALGORITHM: see pki_key; SUBJECT (empty: default) /O=Kamea dev/CN=NAME; BASIC_CONSTRAINTS
#   default CA:FALSE (CA:TRUE makes a self-signed CA, which the API must refuse as a device).
pki_device_self_signed() {
  local prefix=$PKI_DIR/devices/$1 algorithm=${2:-rsa} subject=${3:-/O=Kamea dev/CN=$1} constraints=${4:-CA:FALSE}
  [ -f "$prefix.pem" ] && [ -f "$prefix.key" ] && return 0
  kamea_log "pki: creating self-signed device certificate '$1' ($subject, $algorithm, $constraints)"
  pki_key "$prefix.key" "$algorithm"
  local usage=digitalSignature
  [[ $algorithm == rsa* ]] && usage=$usage,keyEncipherment
  [ "$constraints" = CA:TRUE ] && usage=$usage,keyCertSign
  openssl req -x509 -new -key "$prefix.key" -days "$PKI_CERT_DAYS" -subj "$subject" \
    -addext "basicConstraints=critical,$constraints" \
    -addext "keyUsage=critical,$usage" \
    -addext "extendedKeyUsage=clientAuth" \
    -out "$prefix.pem"
  chmod 644 "$prefix.pem"
}

# pki_device_expired NAME CA_DIR|self : device certificate valid from 2020-01-01 to 2020-12-31,
#   signed by CA_DIR or, with "self", by its own key (openssl x509 -req and req -x509 cannot
#   back-date in OpenSSL 3.0, so a throw-away "openssl ca" setup is used).
pki_device_expired() {
  local name=$1 ca=$2 prefix=$PKI_DIR/devices/$1 tmp signer
  [ -f "$prefix.pem" ] && [ -f "$prefix.key" ] && return 0
  kamea_log "pki: creating expired device certificate '$name' (CA: $ca)"
  pki_key "$prefix.key"
  tmp=$(mktemp -d)
  touch "$tmp/index.txt"
  cat > "$tmp/ca.cnf" <<EOF
[ca]
default_ca = dev
[dev]
database = $tmp/index.txt
new_certs_dir = $tmp
serial = $tmp/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
x509_extensions = ext
[any]
organizationName = optional
commonName = supplied
[ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
EOF
  if [ "$ca" = self ]; then
    signer=(-selfsign -keyfile "$prefix.key")
  else
    echo "authorityKeyIdentifier = keyid,issuer" >> "$tmp/ca.cnf"
    signer=(-cert "$ca/ca.pem" -keyfile "$ca/ca.key")
  fi
  openssl rand -hex 16 > "$tmp/serial"
  openssl req -new -sha256 -key "$prefix.key" -subj "/O=Kamea dev/CN=$name" -out "$tmp/req.csr" 2>/dev/null
  openssl ca -batch -notext -config "$tmp/ca.cnf" "${signer[@]}" \
    -startdate 20200101000000Z -enddate 20201231000000Z -in "$tmp/req.csr" -out "$prefix.pem" 2>/dev/null
  rm -rf "$tmp"
  chmod 644 "$prefix.pem"
}

# pki_device_forged NAME ORIGINAL : a self-signed certificate with ORIGINAL's subject and serial
#   number but a key of its own: what anyone who saw ORIGINAL can make (docs/certificates.md).
pki_device_forged() {
  local prefix=$PKI_DIR/devices/$1 original=$PKI_DIR/devices/$2.pem serial subject
  [ -f "$prefix.pem" ] && [ -f "$prefix.key" ] && return 0
  kamea_log "pki: creating certificate '$1', a forgery of $2"
  pki_key "$prefix.key"
  serial=$(openssl x509 -in "$original" -noout -serial | cut -d= -f2)
  subject=$(openssl x509 -in "$original" -noout -subject -nameopt compat | sed 's/^subject=//')
  openssl req -x509 -new -key "$prefix.key" -days "$PKI_CERT_DAYS" -subj "$subject" -set_serial "0x$serial" \
    -addext "basicConstraints=critical,CA:FALSE" \
    -addext "keyUsage=critical,digitalSignature,keyEncipherment" \
    -addext "extendedKeyUsage=clientAuth" \
    -out "$prefix.pem"
  chmod 644 "$prefix.pem"
}

pki_devices() {
  pki_device_whitelisted_ca
  pki_device_unknown_ca
  pki_device_cert device-whitelisted "$PKI_DIR/devices/whitelisted-ca"
  pki_device_cert device-unknown-ca "$PKI_DIR/devices/unknown-ca"
  pki_device_expired device-expired "$PKI_DIR/devices/whitelisted-ca"
  # what a whitelisted device CA can sign but must not get in with: the service accounts' names
  pki_device_cert "$RMQ_LOGIN" "$PKI_DIR/devices/whitelisted-ca"
  pki_device_cert "$MQTT_API_LOGIN" "$PKI_DIR/devices/whitelisted-ca"
  # and a self-signed device's name (a CA cannot take over a pinned device)
  pki_sign "$PKI_DIR/devices/whitelisted-ca" "$PKI_DIR/devices/device-self-signed-by-ca" device-self-signed client
  # self-signed: one the tests upload, one they never upload, and the ones the API must refuse
  pki_device_self_signed device-self-signed
  pki_device_self_signed device-self-signed-ec ec:P-256
  pki_device_self_signed device-self-signed-ed25519 ed25519
  pki_device_self_signed device-self-signed-other
  pki_device_expired device-self-signed-expired self
  pki_device_self_signed device-self-signed-no-cn rsa "/O=Kamea dev/OU=device without common name"
  pki_device_self_signed device-self-signed-ca rsa "" CA:TRUE
  pki_device_self_signed device-self-signed-weak rsa:1024
  pki_device_forged device-self-signed-forged device-self-signed
}

# --- main -----------------------------------------------------------------------------------------

main() {
  command -v openssl >/dev/null || { kamea_log "pki: openssl not found"; return 1; }
  pki_broker_ca
  pki_server_cert
  pki_trust "$PKI_DIR/ca/ca.pem" broker-ca
  case ${1:-broker} in
    broker) ;;
    devices | all) pki_devices ;;
    *) kamea_log "usage: $0 [broker|devices|all]"; return 2 ;;
  esac
}

main "$@"
