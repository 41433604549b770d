// Values from C and C++ headers: which headers a file includes, what their #defines hold, and
// which of them the scan reads (only inside the tree, never through a symlink).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HeaderReader } from '../../src/scan/header-reader.ts'
import { hits, scanFiles } from './helpers.ts'
import { defineConstants, localIncludes, withHeaderConstants } from '../../src/scan/includes.ts'

describe('localIncludes', () => {
  it('lists quoted includes once, not system headers', () => {
    const source =
      '#include <uv.h>\n#include "task.h"\n  #  include "../src/x.hpp"\n#include "task.h"\n'
    expect(localIncludes(source)).toEqual(['task.h', '../src/x.hpp'])
  })
})

describe('defineConstants', () => {
  it('reads numbers and strings, trailing comments aside', () => {
    const header = [
      '#define TEST_PORT 9123 /* the echo server */',
      '#define ENDPOINT_0 "tcp://127.0.0.1:5555"',
      '#define SHIFTED (TEST_PORT + 1)',
      '#define FUNC(x) ((x) + 1)',
    ].join('\n')
    const constants = defineConstants(header)
    expect(constants.get('TEST_PORT')).toMatchObject({ kind: 'int', value: 9123 })
    expect(constants.get('ENDPOINT_0')).toMatchObject({
      kind: 'string',
      value: 'tcp://127.0.0.1:5555',
    })
    expect(constants.has('SHIFTED')).toBe(false)
    expect(constants.has('FUNC')).toBe(false)
  })

  it('gives a name defined twice (per platform) no single value', () => {
    const constants = defineConstants(
      '#ifdef _WIN32\n#define PORT 1\n#else\n#define PORT 2\n#endif\n',
    )
    expect(constants.get('PORT')?.kind).toBe('other')
  })

  it("lets the file's own constants win", () => {
    const own = new Map([['PORT', { kind: 'int' as const, value: 1, text: '1' }]])
    const merged = withHeaderConstants(own, [defineConstants('#define PORT 2\n#define OTHER 3')])
    expect(merged.get('PORT')).toMatchObject({ value: 1 })
    expect(merged.get('OTHER')).toMatchObject({ value: 3 })
  })
})

describe('HeaderReader', () => {
  it('reads headers beside the file, not outside the tree nor through symlinks', () => {
    const base = mkdtempSync(join(tmpdir(), 'bind-probe-headers-'))
    const root = join(base, 'root')
    mkdirSync(join(root, 'test'), { recursive: true })
    writeFileSync(join(root, 'test', 'task.h'), '#define TEST_PORT 9123\n')
    writeFileSync(join(base, 'outside.h'), '#define OUTSIDE_PORT 1\n')
    writeFileSync(join(root, 'real.h'), '#define LINKED_PORT 2\n')
    symlinkSync(join(root, 'real.h'), join(root, 'test', 'linked.h'))
    const reader = new HeaderReader(root, 1 << 20)
    const source =
      '#include "task.h"\n#include "../../outside.h"\n#include "linked.h"\n#include "missing.h"\n'
    const constants = reader.constantsFor('test/t.c', source)
    expect(constants).toHaveLength(1)
    expect(constants[0]!.get('TEST_PORT')).toMatchObject({ value: 9123 })
  })
})

describe('a pull-request scan of a C file', () => {
  const files = {
    'test/task.h': '#define TEST_PORT 9123\n',
    'test/tcp.c': [
      '#include <uv.h>',
      '#include "task.h"',
      'static void start(uv_loop_t *loop, uv_tcp_t *server) {',
      '  struct sockaddr_in addr;',
      '  uv_ip4_addr("127.0.0.1", TEST_PORT, &addr);',
      '  uv_tcp_bind(server, (const struct sockaddr *) &addr, 0);',
      '}',
      '',
    ].join('\n'),
  }

  it('reads the unchanged header the changed file includes', async () => {
    const changes = new Map([['test/tcp.c', new Set([5])]])
    expect(hits(await scanFiles(files, { changes }))).toEqual(['PORT001@5'])
  })

  it('reports the header itself only where it changed', async () => {
    const changes = new Map([['test/task.h', new Set([1])]])
    expect(hits(await scanFiles(files, { changes }))).toEqual(['PORT001@1'])
  })
})
