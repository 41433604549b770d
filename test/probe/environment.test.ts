// Readers of the settings that shape bind(). The macOS and Windows inputs are SYNTHETIC: written
// from the tools' documented output formats, not captured on those systems.
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { collectPlatform, readSettings } from '../../src/probe/environment/collect.ts'
import {
  macPortRange,
  parseLinuxPortRange,
  parseNetshDynamicPort,
  parseOsRelease,
  parseSysctlLines,
  platformId,
} from '../../src/probe/environment/parse.ts'

describe('environment parsers', () => {
  it('reads the Linux ephemeral range and the distribution', () => {
    expect(parseLinuxPortRange('32768\t60999\n')).toEqual({ low: 32768, high: 60999 })
    expect(parseLinuxPortRange('garbage')).toBeUndefined()
    expect(parseOsRelease('NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 24.04.1 LTS"\n')).toBe(
      'Ubuntu 24.04.1 LTS',
    )
  })

  it('reads macOS sysctl output (synthetic sample)', () => {
    const settings = parseSysctlLines(
      'net.inet.tcp.randomize_ports: 0\nnet.inet.ip.portrange.first: 49152\nnet.inet.ip.portrange.last: 65535\n',
    )
    expect(settings['net.inet.tcp.randomize_ports']).toBe('0')
    expect(macPortRange(settings)).toEqual({ low: 49152, high: 65535 })
  })

  it('reads netsh dynamic port output, even localised (synthetic samples)', () => {
    const english =
      '\nProtocol tcp Dynamic Port Range\n---------------------------------\nStart Port      : 49152\nNumber of Ports : 16384\n'
    const german =
      '\nProtokoll tcp Dynamischer Portbereich\n---------------------------------\nStartport       : 49152\nAnzahl Ports    : 16384\n'
    expect(parseNetshDynamicPort(english)).toEqual({ low: 49152, high: 65535 })
    expect(parseNetshDynamicPort(german)).toEqual({ low: 49152, high: 65535 })
    expect(parseNetshDynamicPort('The requested operation requires elevation.')).toBeUndefined()
  })

  it('names platforms by OS and arch, refined by a label', () => {
    expect(platformId('linux', 'x64')).toBe('linux-x64')
    expect(platformId('darwin', 'arm64')).toBe('macos-arm64')
    expect(platformId('win32', 'x64', 'server2025')).toBe('windows-x64-server2025')
  })
})

describe('collectPlatform on this machine', () => {
  it('records the kernel, the runner variables and, on Linux, the sysctls', async () => {
    const platform = await collectPlatform({
      label: 'ci',
      env: { RUNNER_OS: 'Linux', ImageOS: 'ubuntu24', ImageVersion: '20261117.1' },
    })
    expect(platform.id).toBe(
      `${platform.os === 'other' ? process.platform : platform.os}-${process.arch}-ci`,
    )
    expect(platform.runner).toEqual({ os: 'Linux', image: 'ubuntu24', imageVersion: '20261117.1' })
    expect(platform.node.version).toBe(process.versions.node)
    if (process.platform === 'linux') {
      expect(platform.settings['net.ipv6.bindv6only']).toMatch(/^[01]$/)
      expect(platform.ephemeralPortRange!.low).toBeLessThan(platform.ephemeralPortRange!.high)
    }
  })
})

// Real processes standing in for macOS's tools: a `sysctl` that, like the real one, fails the
// whole call (exit status 1) when one of its names is unknown, and a `sw_vers`.
describe.skipIf(process.platform === 'win32')('reading macOS settings with fake tools', () => {
  let bin = ''
  beforeAll(async () => {
    bin = await mkdtemp(join(tmpdir(), 'bind-probe-fake-mac-'))
    const sysctl = `#!/bin/sh
status=0
for name in "$@"; do
  case "$name" in
    net.inet.tcp.randomize_ports) echo "$name: 1" ;;
    net.inet.ip.portrange.first) echo "$name: 49152" ;;
    net.inet.ip.portrange.last) echo "$name: 65535" ;;
    net.inet6.ip6.v6only) echo "$name: 0" ;;
    *) echo "sysctl: unknown oid '$name'" >&2; status=1 ;;
  esac
done
exit $status
`
    await writeFile(join(bin, 'sysctl'), sysctl)
    await writeFile(join(bin, 'sw_vers'), '#!/bin/sh\necho 15.1\n')
    await Promise.all(['sysctl', 'sw_vers'].map((tool) => chmod(join(bin, tool), 0o755)))
  })
  afterAll(() => rm(bin, { recursive: true, force: true }))

  const withFakes = async (file: string, args: string[]) => {
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }
    return (await promisify(execFile)(file, args, { env, timeout: 5_000 })).stdout
  }

  it('keeps every setting it could read when one name is unknown', async () => {
    const { settings, range, distro } = await readSettings('darwin', withFakes)
    expect(settings).toEqual({
      'net.inet.tcp.randomize_ports': '1',
      'net.inet.ip.portrange.first': '49152',
      'net.inet.ip.portrange.last': '65535',
      'net.inet6.ip6.v6only': '0',
    })
    expect(range).toEqual({ low: 49152, high: 65535 })
    expect(distro).toBe('macOS 15.1')
  })
})
