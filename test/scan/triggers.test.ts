// The pre-filter's fast trigger pattern matches exactly the texts its readable definition does.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ANY_CODE, ANY_CODE_FAST } from '../../src/scan/triggers.ts'

const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  )
}

// Every trigger word, with near misses around each: a letter too many or too few, another case.
const WORDS = [
  'getsockname',
  'sock.getsockname()',
  'server.address()',
  'l.Addr()',
  'Addr ()',
  'getLocalPort',
  'socket.localPort',
  'LocalEndpoint',
  'local_addr',
  'localaddr',
  'server_address',
  'server_port',
  'server_ports',
  'io.sockets',
  'io.socketsX',
  'sockets',
  'unused_tcp_port',
  'unused_udp_port',
  'unused_port',
  'free_local_port',
  'free_local_ipv4_port',
  'freeLocalPort',
  'unused_addr',
  'get-port',
  'portfinder',
  'port-finder',
  'portscanner',
  'portpicker',
  'openport',
  'freeport',
  'detect-port',
  'find-free-port',
  'find-open-port',
  'findAvailablePort',
  'findAvailableTcpPorts',
  'getFreePort',
  'get_free_port',
  'find_unused_tcp_port',
  'PickUnusedPort',
  'allocate_a_free_port',
  'reserveEphemeralPorts',
  'nextOpenLocalPort',
  'freePort()',
  'freePorts',
  'freePortx',
  'unused_udp_ports',
  'available_port',
  'getport',
  'import { port } from "./config"',
  'export const report = 1',
  'support',
  'Addr',
  'address',
]

describe('ANY_CODE_FAST', () => {
  it.each(WORDS)('agrees with ANY_CODE on %j', (word) => {
    for (const text of [word, ` ${word} `, `x${word}y`, `${word}\n`]) {
      expect(ANY_CODE_FAST.test(text)).toBe(ANY_CODE.test(text))
    }
  })

  it('agrees with ANY_CODE on every file of the labelled corpus', () => {
    for (const path of files(CORPUS)) {
      const text = readFileSync(path, 'utf8')
      expect({ path, fast: ANY_CODE_FAST.test(text) }).toEqual({ path, fast: ANY_CODE.test(text) })
    }
  })
})
