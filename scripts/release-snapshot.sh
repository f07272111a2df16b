#!/usr/bin/env bash
# Check .goreleaser.yaml and build a snapshot release into dist/: every
# archive (linux, darwin, windows; amd64, arm64) and checksums.txt, nothing
# published. The SBOMs (need syft on the PATH:
# go install github.com/anchore/syft/cmd/syft@v1.57.2) and the image (needs
# a Docker daemon with buildx) are skipped unless SNAPSHOT_SKIP says
# otherwise, e.g.
#   SNAPSHOT_SKIP=publish,docker scripts/release-snapshot.sh   # with SBOMs
# GoReleaser v2.17 builds with Go 1.26 (later ones need a newer Go):
#   go install github.com/goreleaser/goreleaser/v2@v2.17.0
set -euo pipefail
cd "$(dirname "$0")/.."
goreleaser="${GORELEASER:-$(command -v goreleaser || echo "$(go env GOPATH)/bin/goreleaser")}"
[ -x "$goreleaser" ] || {
  echo "release-snapshot: goreleaser not found; install it with: go install github.com/goreleaser/goreleaser/v2@v2.17.0" >&2
  exit 2
}
"$goreleaser" check
# GoReleaser reads the commit and its date from git, and gives up on all of
# it in a repository without a remote; then build from a clone, whose
# origin is this checkout. Either way the snapshot is of HEAD's commit.
src=.
if [ -z "$(git remote)" ]; then
  src="$(mktemp -d)"
  trap 'rm -rf "$src"' EXIT
  git clone --quiet "$PWD" "$src"
fi
(cd "$src" && "$goreleaser" release --snapshot --clean --skip="${SNAPSHOT_SKIP:-publish,sbom,docker}")
if [ "$src" != . ]; then
  rm -rf dist
  mv "$src/dist" dist
fi
# The archives the GitHub Action downloads, each listed in checksums.txt.
cd dist
for platform in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64.zip windows_arm64.zip; do
  case "$platform" in
    *.zip) pattern="dlint_*_${platform}" ;;
    *) pattern="dlint_*_${platform}.tar.gz" ;;
  esac
  # shellcheck disable=SC2086 # the pattern is a glob on purpose
  archive=$(ls $pattern)
  grep -q "  $archive\$" checksums.txt || { echo "release-snapshot: $archive is not in checksums.txt" >&2; exit 1; }
done
sha256sum --check --quiet checksums.txt
echo "release-snapshot: dist/ has every archive, checksums verified"
