#!/usr/bin/env bash
# Installs what browser and document tests need (Debian's chromium, LibreOffice Writer) when we
# can (as root, with apt). Where we cannot, those tests skip and say why; CI runs as root.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v xgettext >/dev/null 2>&1 || need+=(gettext)
# The one-server recipe of docs/operations.md is run with nginx in front (web/tests).
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
# Liberation Serif has the metrics of Times New Roman, the font of official documents.
[ -e /usr/share/fonts/truetype/liberation2 ] || need+=(fonts-liberation2)
# A PKCS#11 software token: the signing tests sign through the interface an agency's USB token
# or HSM offers.
command -v softhsm2-util >/dev/null 2>&1 || need+=(softhsm2)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test setup: installing ${need[*]} (apt)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null 2>&1 \
    || echo "test setup: could not install ${need[*]}; tests needing them will skip" >&2
else
  echo "test setup: not root; tests needing ${need[*]} will skip" >&2
fi
exit 0
