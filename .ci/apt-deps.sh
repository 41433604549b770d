# Debian packages the test suite needs, installed only when missing (sourced by .ci/run).
apt_packages=()
command -v python3 >/dev/null || apt_packages+=(python3)
command -v unshare >/dev/null || apt_packages+=(util-linux)
command -v ip >/dev/null || apt_packages+=(iproute2)
command -v cmark-gfm >/dev/null || apt_packages+=(cmark-gfm)
# The reporting service's tests run against a real PostgreSQL server (.ci/postgres.sh).
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || apt_packages+=(postgresql)
# The dashboard's tests drive Debian's Chromium (with playwright-core); emoji glyphs for its pages.
command -v chromium >/dev/null || apt_packages+=(chromium fonts-noto-color-emoji)
# ripgrep is the baseline of the scan benchmark (bench/scan.bench.ts).
command -v rg >/dev/null || apt_packages+=(ripgrep)
if [ ${#apt_packages[@]} -gt 0 ]; then
  echo "installing Debian packages: ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi
