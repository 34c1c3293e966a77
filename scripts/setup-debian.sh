#!/usr/bin/env bash
# Installs the Debian 12 packages pith builds and tests with. Idempotent: it installs only
# what is missing, so `make demo` / `make test` can call it every time.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      libxml2-dev libicu-dev libuchardet-dev libcld2-dev libfasttext-dev zlib1g-dev libisal-dev libzstd-dev
      libsimdjson-dev libxxhash-dev libcli11-dev libfmt-dev
      libgtest-dev libgmock-dev libbenchmark-dev
      cmark-gfm libcmark-gfm-dev libcmark-gfm-extensions-dev
      python3-dev pybind11-dev python3-pybind11 python3-pytest python3-setuptools python3-pip
      chromium chromium-driver python3-selenium libcpp-httplib-dev
      python3-dask python3-distributed)
# `setup-debian.sh fuzz` (make fuzz) adds clang and its libFuzzer runtime; the default build is g++.
if [ "${1:-}" = "fuzz" ]; then pkgs+=(clang libclang-rt-14-dev); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
