#!/usr/bin/env bash
# Makes the certificates SelfSignedCertificatesTest reads (certificates only: the keys are thrown
# away). Valid for 100 years from the day they were made; the test fixes its clock inside that.
# Re-run only to change the set: ./make-fixtures.sh (needs OpenSSL 3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
days=36500
ext=(-addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=clientAuth")

key() { openssl genpkey "$@" -out "$tmp/key.pem" 2>/dev/null; }
self_signed() { # FILE SUBJECT [openssl req options...]
  local file=$1 subject=$2; shift 2
  openssl req -x509 -new -key "$tmp/key.pem" -days $days -subj "$subject" "$@" -out "$file"
}

key -algorithm RSA -pkeyopt rsa_keygen_bits:2048
self_signed rsa-2048.pem "/O=Kamea test/CN=device-rsa" "${ext[@]}"
self_signed ca.pem "/O=Kamea test/CN=device-ca" -addext "basicConstraints=critical,CA:TRUE"
self_signed no-cn.pem "/O=Kamea test/OU=no common name" "${ext[@]}"
self_signed two-cns.pem "/O=Kamea test/CN=device-a/CN=device-b" "${ext[@]}"
self_signed dotted-cn.pem "/O=Kamea test/CN=device.one" "${ext[@]}"
self_signed sha1.pem "/O=Kamea test/CN=device-sha1" -sha1 "${ext[@]}"
cp "$tmp/key.pem" "$tmp/other.pem"

key -algorithm RSA -pkeyopt rsa_keygen_bits:1024
self_signed rsa-1024.pem "/O=Kamea test/CN=device-rsa-1024" "${ext[@]}"

key -algorithm EC -pkeyopt ec_paramgen_curve:P-256
self_signed ec-p256.pem "/O=Kamea test/CN=device-ec-p256" "${ext[@]}"
key -algorithm EC -pkeyopt ec_paramgen_curve:P-384
self_signed ec-p384.pem "/O=Kamea test/CN=device-ec-p384" "${ext[@]}"
key -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1
self_signed ec-secp256k1.pem "/O=Kamea test/CN=device-ec-k1" "${ext[@]}"
key -algorithm ED25519
self_signed ed25519.pem "/O=Kamea test/CN=device-ed25519" "${ext[@]}"
key -algorithm ED448
self_signed ed448.pem "/O=Kamea test/CN=device-ed448" "${ext[@]}"

# Signed by a CA: issuer and subject differ.
key -algorithm RSA -pkeyopt rsa_keygen_bits:2048
cp "$tmp/key.pem" "$tmp/ca.key"
openssl req -x509 -new -key "$tmp/ca.key" -days $days -subj "/O=Kamea test/CN=some-ca" \
  -addext "basicConstraints=critical,CA:TRUE" -out "$tmp/ca.pem"
key -algorithm RSA -pkeyopt rsa_keygen_bits:2048
openssl req -new -key "$tmp/key.pem" -subj "/O=Kamea test/CN=device-ca-signed" -out "$tmp/req.csr"
openssl x509 -req -in "$tmp/req.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -days $days \
  -set_serial 1 -out ca-signed.pem 2>/dev/null
# Issuer = subject, but signed by another key: only looks self-signed.
openssl req -x509 -new -key "$tmp/other.pem" -days $days -subj "/O=Kamea test/CN=device-forged" -out "$tmp/forger.pem"
openssl req -new -key "$tmp/key.pem" -subj "/O=Kamea test/CN=device-forged" -out "$tmp/req.csr"
openssl x509 -req -in "$tmp/req.csr" -CA "$tmp/forger.pem" -CAkey "$tmp/other.pem" -days $days \
  -set_serial 2 -out looks-self-signed.pem 2>/dev/null
