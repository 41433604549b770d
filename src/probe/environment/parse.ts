// Pure readers for the settings that shape bind() on each OS, and the platform id.
import type { OsFamily } from '../model.ts'

export function osFamily(platform: string): OsFamily | 'other' {
  if (platform === 'linux') return 'linux'
  if (platform === 'darwin') return 'macos'
  if (platform === 'win32') return 'windows'
  return 'other'
}

export const PLATFORM_LABEL = /^[a-z0-9][a-z0-9.-]{0,39}$/

/** `linux-x64`, or `linux-x64-bindv6only` with a label; reports and policies key on it. */
export function platformId(platform: string, arch: string, label?: string): string {
  const family = osFamily(platform)
  const base = `${family === 'other' ? platform : family}-${arch}`
  return label ? `${base}-${label}` : base
}

/** Linux `net.ipv4.ip_local_port_range`: two numbers separated by white space. */
export function parseLinuxPortRange(text: string): { low: number; high: number } | undefined {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text)
  return m ? { low: Number(m[1]), high: Number(m[2]) } : undefined
}

/** /etc/os-release's PRETTY_NAME. */
export function parseOsRelease(text: string): string | undefined {
  const m = /^PRETTY_NAME=("?)(.*)\1\s*$/m.exec(text)
  return m?.[2] || undefined
}

/** `sysctl name…` output on macOS: one `name: value` per line. */
export function parseSysctlLines(text: string): Record<string, string> {
  const settings: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^([\w.]+):\s*(.*?)\s*$/.exec(line)
    if (m) settings[m[1]!] = m[2]!
  }
  return settings
}

/** The macOS ephemeral range from net.inet.ip.portrange.first/last. */
export function macPortRange(settings: Record<string, string>) {
  const low = Number(settings['net.inet.ip.portrange.first'])
  const high = Number(settings['net.inet.ip.portrange.last'])
  return Number.isInteger(low) && Number.isInteger(high) && low > 0 ? { low, high } : undefined
}

/**
 * `netsh int ipv4 show dynamicport tcp` on Windows. The labels are localised, so this reads the
 * first two numbers that follow a colon: the start port, then the number of ports.
 */
export function parseNetshDynamicPort(text: string): { low: number; high: number } | undefined {
  const numbers = [...text.matchAll(/:\s*(\d+)\s*$/gm)].map((m) => Number(m[1]))
  const [start, count] = numbers
  if (start === undefined || count === undefined || count < 1) return undefined
  return { low: start, high: start + count - 1 }
}
