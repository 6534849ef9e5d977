# Sourced by build-aux/run and build-aux/test: installs what is missing.
# Debian 12 and Ubuntu 24.04 names; apt-get only, no other source.

BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-bin libsqlite3-dev libicu-dev
  libgtk-4-dev libadwaita-1-dev libxlsxwriter-dev zlib1g-dev libzip-dev libxml2-dev libfreexl-dev
  desktop-file-utils appstream"
TEST_PACKAGES="xvfb xauth dbus python3 python3-openpyxl sqlite3 locales fonts-cantarell librsvg2-common
  libreoffice-calc-nogui poppler-utils fonts-liberation clang"

td_install_packages () {
  missing=""
  for p in "$@"; do
    if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "This is not a Debian or Ubuntu system. Install these packages (or your distribution's equivalents) and run again:$missing" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  echo "Installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >&2 || exit 1
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing >&2 || exit 1
}

td_require_debian () {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "This is not a Debian or Ubuntu system. Install: $BUILD_PACKAGES $*" | tr -s ' \n' ' ' >&2
    echo >&2
    exit 1
  fi
}
