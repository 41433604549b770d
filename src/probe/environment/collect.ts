// Reads the facts recorded with every result: OS, kernel, runner, interpreter versions, and the
// settings that change bind() (sysctls on Linux and macOS, the dynamic port range on Windows).
// A fact that cannot be read is left out; it never fails the probe. The Python version comes
// from the python driver's handshake.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import { promisify } from 'node:util'
import type { PlatformIdentity } from '../model.ts'
import {
  macPortRange,
  osFamily,
  parseLinuxPortRange,
  parseNetshDynamicPort,
  parseOsRelease,
  parseSysctlLines,
  platformId,
} from './parse.ts'

const execFileAsync = promisify(execFile)

/** Runs a command and resolves with its stdout; rejects when it fails or takes over 5 s. */
export type CommandRunner = (file: string, args: string[]) => Promise<string>

const runCommand: CommandRunner = async (file, args) =>
  (await execFileAsync(file, args, { timeout: 5_000 })).stdout

const LINUX_SYSCTLS = [
  'net.ipv4.ip_local_port_range',
  'net.ipv6.bindv6only',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_autobind_reuse',
]

const MAC_SYSCTLS = [
  'net.inet.tcp.randomize_ports',
  'net.inet.udp.randomize_ports',
  'net.inet.ip.portrange.first',
  'net.inet.ip.portrange.last',
  'net.inet6.ip6.v6only',
]

export interface CollectOptions {
  label?: string
  env?: NodeJS.ProcessEnv
}

export async function collectPlatform(options: CollectOptions = {}): Promise<PlatformIdentity> {
  const env = options.env ?? process.env
  const platform = process.platform
  const { settings, range, distro } = await readSettings(platform)
  const runner = {
    os: env.RUNNER_OS,
    arch: env.RUNNER_ARCH,
    name: env.RUNNER_NAME,
    environment: env.RUNNER_ENVIRONMENT,
    image: env.ImageOS,
    imageVersion: env.ImageVersion,
  }
  const present = Object.fromEntries(Object.entries(runner).filter(([, v]) => v))
  return {
    id: platformId(platform, process.arch, options.label),
    os: osFamily(platform),
    platform,
    arch: process.arch,
    ...(options.label ? { label: options.label } : {}),
    release: os.release(),
    kernel: os.version(),
    ...(distro ? { distro } : {}),
    ...(Object.keys(present).length ? { runner: present } : {}),
    node: { version: process.versions.node },
    settings,
    ...(range ? { ephemeralPortRange: range } : {}),
  }
}

/** The settings that shape bind() on `platform`, read with `run` where a command is needed. */
export async function readSettings(platform: NodeJS.Platform, run = runCommand) {
  if (platform === 'linux') {
    const settings: Record<string, string> = {}
    await Promise.all(
      LINUX_SYSCTLS.map(async (name) => {
        const value = await quietly(readFile(`/proc/sys/${name.replaceAll('.', '/')}`, 'utf8'))
        if (value !== undefined) settings[name] = value.trim().replace(/\s+/g, ' ')
      }),
    )
    const release = await quietly(readFile('/etc/os-release', 'utf8'))
    const range = parseLinuxPortRange(settings['net.ipv4.ip_local_port_range'] ?? '')
    return { settings, range, distro: release ? parseOsRelease(release) : undefined }
  }
  if (platform === 'darwin') {
    // One name a call: sysctl fails the whole call for a name this macOS does not know.
    const [values, version] = await Promise.all([
      Promise.all(MAC_SYSCTLS.map((name) => quietly(run('sysctl', [name])))),
      quietly(run('sw_vers', ['-productVersion'])),
    ])
    const settings = parseSysctlLines(values.filter((v) => v !== undefined).join('\n'))
    const distro = version ? `macOS ${version.trim()}` : undefined
    return { settings, range: macPortRange(settings), distro }
  }
  if (platform === 'win32') {
    const settings: Record<string, string> = {}
    let range: { low: number; high: number } | undefined
    for (const proto of ['tcp', 'udp']) {
      const out = await quietly(run('netsh', ['int', 'ipv4', 'show', 'dynamicport', proto]))
      const parsed = parseNetshDynamicPort(out ?? '')
      if (parsed) settings[`netsh ipv4 dynamicport ${proto}`] = `${parsed.low}-${parsed.high}`
      if (proto === 'tcp') range = parsed
    }
    return { settings, range, distro: os.version() }
  }
  return { settings: {}, range: undefined, distro: undefined }
}

async function quietly<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise
  } catch {
    return undefined
  }
}
