// Readers of the settings that shape bind(). The macOS and Windows inputs are SYNTHETIC: written
// from the tools' documented output formats, not captured on those systems.
import { describe, expect, it } from 'vitest'
import { collectPlatform } from '../../src/probe/environment/collect.ts'
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
