# Puts a Node 24 from the npm registry first on PATH (sourced by .ci/run and usable by hand).
if ! node --version 2>/dev/null | grep -q '^v24\.'; then
  node24_dir=$(cd /tmp && npx -y -p node@24 sh -c 'dirname "$(readlink -f "$(command -v node)")"')
  export PATH="$node24_dir:$PATH"
fi
