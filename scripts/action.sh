#!/usr/bin/env bash
# The GitHub Action's logic (action.yml runs it; cmd/dlint/action_test.go
# runs it locally with the environment GitHub sets).
#
#   action.sh resolve   which dlint to install: a release binary or go install
#   action.sh install   install it into the directory resolve chose
#   action.sh run       lint, write SARIF and annotations
#
# Environment: GITHUB_OUTPUT, GITHUB_PATH, RUNNER_TEMP, RUNNER_OS, RUNNER_ARCH,
# INPUT_* (the action's inputs), ACTION_REF (github.action_ref), and
# DLINT_RELEASES_URL (the releases page; tests point it at a local server).
set -euo pipefail

module=github.com/dlint-dev/dlint
releases="${DLINT_RELEASES_URL:-https://github.com/dlint-dev/dlint/releases}"

die() {
  echo "::error title=dlint action::$*"
  exit 1
}

output() { echo "$1=$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

# platform prints GoReleaser's os_arch for the runner, or nothing when dlint
# publishes no binary for it.
platform() {
  local os arch
  case "${RUNNER_OS:-}" in
    Linux) os=linux ;;
    macOS) os=darwin ;;
    Windows) os=windows ;;
    *) return 0 ;;
  esac
  case "${RUNNER_ARCH:-}" in
    X64) arch=amd64 ;;
    ARM64) arch=arm64 ;;
    *) return 0 ;;
  esac
  echo "${os}_${arch}"
}

# download URL FILE; fails quietly (status 1) when the server says no.
download() {
  curl --silent --show-error --fail --location --retry 3 --output "$2" "$1"
}

sha256() {
  if command -v sha256sum > /dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# resolve: kind=release with the tag, or kind=go with the ref to go install.
resolve() {
  local ref="${INPUT_VERSION:-${ACTION_REF:-}}"
  ref="${ref:-latest}"
  local plat tag=""
  plat="$(platform)"
  if [ "$ref" = latest ]; then
    # The latest release's page redirects to its tag.
    tag="$(curl --silent --fail --location --output /dev/null --write-out '%{url_effective}' "$releases/latest" 2> /dev/null || true)"
    tag="${tag##*/}"
    [[ "$tag" =~ ^v[0-9] ]] || tag=""
  elif [[ "$ref" =~ ^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; then
    tag="v${ref#v}"
  fi
  local kind=go version="$ref"
  if [ -n "$tag" ] && [ -n "$plat" ]; then
    # A tag is a release once its checksums are published.
    if curl --silent --fail --location --head --output /dev/null "$releases/download/$tag/checksums.txt"; then
      kind=release
      version="$tag"
    else
      echo "::notice title=dlint action::$tag has no release binaries; building dlint $ref with go install."
    fi
  elif [ -n "$tag" ]; then
    echo "::notice title=dlint action::No release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; building dlint $tag with go install."
    version="$tag"
  fi
  output kind "$kind"
  output version "$version"
  output platform "$plat"
  output bin-dir "${RUNNER_TEMP:?RUNNER_TEMP is not set}/dlint/$version/${plat:-source}"
}

install_release() {
  local version="$1" plat="$2" bin="$3"
  local ext=tar.gz exe=dlint
  case "$plat" in windows_*) ext=zip exe=dlint.exe ;; esac
  if [ -x "$bin/$exe" ]; then
    echo "dlint $version from the cache"
    return
  fi
  local archive="dlint_${version#v}_${plat}.${ext}"
  local tmp
  tmp="$(mktemp -d "$RUNNER_TEMP/dlint-download.XXXXXX")"
  download "$releases/download/$version/$archive" "$tmp/$archive" || die "could not download $archive of dlint $version from $releases."
  download "$releases/download/$version/checksums.txt" "$tmp/checksums.txt" || die "could not download checksums.txt of dlint $version from $releases."
  local want got
  want="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/checksums.txt")"
  [ -n "$want" ] || die "checksums.txt of dlint $version lists no $archive; not installing it."
  got="$(sha256 "$tmp/$archive")"
  [ "$got" = "$want" ] || die "$archive of dlint $version has SHA-256 $got, but checksums.txt says $want; not installing it."
  echo "$archive: SHA-256 $got, as checksums.txt says"
  mkdir -p "$bin"
  if [ "$ext" = zip ]; then
    if command -v unzip > /dev/null; then
      unzip -q -o "$tmp/$archive" "$exe" -d "$bin"
    else
      powershell -NoProfile -Command "Expand-Archive -Force -LiteralPath '$tmp/$archive' -DestinationPath '$bin'"
    fi
  else
    tar -xzf "$tmp/$archive" -C "$bin" "$exe"
  fi
  rm -rf "$tmp"
  [ -f "$bin/$exe" ] || die "$archive of dlint $version has no $exe."
  chmod +x "$bin/$exe"
}

install() {
  local kind="${DLINT_KIND:?}" version="${DLINT_VERSION:?}" bin="${DLINT_BIN_DIR:?}"
  case "$kind" in
    release) install_release "$version" "${DLINT_PLATFORM:?}" "$bin" ;;
    go)
      mkdir -p "$bin"
      GOBIN="$bin" go install "$module/cmd/dlint@$version" || die "go install $module/cmd/dlint@$version failed."
      ;;
    *) die "unknown kind $kind" ;;
  esac
  echo "$bin" >> "${GITHUB_PATH:?GITHUB_PATH is not set}"
  local exe=dlint
  [ "${RUNNER_OS:-}" != Windows ] || exe=dlint.exe
  "$bin/$exe" version
}

run() {
  # Split the inputs on whitespace on purpose: paths may be globs
  # (services/*/Dockerfile), args are plain flags and values.
  # shellcheck disable=SC2206
  local paths=(${INPUT_PATHS:-.})
  set -f
  # shellcheck disable=SC2206
  local args=(${INPUT_ARGS:-})
  set +f
  [ ${#paths[@]} -gt 0 ] || paths=(.)
  local sarif="${INPUT_SARIF_FILE:-dlint.sarif}"
  mkdir -p "$(dirname "$sarif")"
  rm -f "$sarif"
  local status=0
  dlint "${args[@]}" --format sarif --output "$sarif" -- "${paths[@]}" || status=$?
  if [ "${INPUT_ANNOTATIONS:-true}" = true ]; then
    dlint "${args[@]}" --format github --fail-level none -- "${paths[@]}" || true
  else
    dlint "${args[@]}" --format text --fail-level none -- "${paths[@]}" || true
  fi
  local written=false
  if [ -s "$sarif" ]; then
    written=true
  elif [ "${INPUT_UPLOAD_SARIF:-false}" = true ]; then
    echo "::warning title=dlint action::dlint wrote no SARIF report to $sarif (exit status $status; see its errors above), so nothing is uploaded to code scanning."
  fi
  output sarif-file "$sarif"
  output sarif-written "$written"
  output exit-code "$status"
}

case "${1:-}" in
  resolve) resolve ;;
  install) install ;;
  run) run ;;
  *)
    echo "usage: $0 resolve|install|run" >&2
    exit 2
    ;;
esac
