// Every shipped grammar loads into the pinned runtime and parses; languages and test files.
import { describe, expect, it } from 'vitest'
import { LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION } from 'web-tree-sitter'
import { checkGrammars } from '../../src/scan/grammars.ts'
import { LANGUAGES, languageOf } from '../../src/scan/languages.ts'
import { isTestPath } from '../../src/scan/test-files.ts'

describe('grammars', () => {
  it('all load, with an ABI the runtime accepts, and parse their smoke snippet', async () => {
    const statuses = await checkGrammars()
    expect(statuses.map((s) => [s.language, s.ok, s.ok ? '' : s.detail])).toEqual(
      LANGUAGES.map((l) => [l.id, true, '']),
    )
    for (const s of statuses) {
      expect(s.abi).toBeGreaterThanOrEqual(MIN_COMPATIBLE_VERSION)
      expect(s.abi).toBeLessThanOrEqual(LANGUAGE_VERSION)
    }
  })
})

describe('languageOf', () => {
  it.each([
    ['a/b.py', 'python'],
    ['x.mjs', 'javascript'],
    ['x.cts', 'typescript'],
    ['x.tsx', 'tsx'],
    ['main.go', 'go'],
    ['A.java', 'java'],
    ['build.gradle.kts', 'kotlin'],
    ['P.cs', 'csharp'],
    ['lib.rs', 'rust'],
    ['s.c', 'c'],
    ['s.h', 'cpp'],
    ['s.CPP', 'cpp'],
  ])('%s is %s', (path, id) => {
    expect(languageOf(path)?.id).toBe(id)
  })

  it.each(['README.md', 'Makefile', '.py', 'x.pyc', 'x.json'])('%s is not read', (path) => {
    expect(languageOf(path)).toBeUndefined()
  })
})

describe('isTestPath', () => {
  it.each([
    ['tests/test_server.py', 'python'],
    ['pkg/server_test.py', 'python'],
    ['conftest.py', 'python'],
    ['aiohttp/test_utils.py', 'python'],
    ['pytest_mock_server.py', 'python'],
    ['src/app.test.ts', 'typescript'],
    ['src/__tests__/app.ts', 'typescript'],
    ['lib/server.spec.js', 'javascript'],
    ['http/server_test.ts', 'typescript'],
    ['net/test.ts', 'typescript'],
    ['lib/pool_test.mjs', 'javascript'],
    ['test-features.mjs', 'javascript'],
    ['test-server.ts', 'typescript'],
    ['net/server_test.go', 'go'],
    ['internal/testutil/server.go', 'go'],
    ['src/test/java/com/x/Server.java', 'java'],
    ['ServerTest.java', 'java'],
    ['ServerIT.java', 'java'],
    ['src/integrationTest/kotlin/A.kt', 'kotlin'],
    ['Api.Tests/Listener.cs', 'csharp'],
    ['ListenerTests.cs', 'csharp'],
    ['tests/integration.rs', 'rust'],
    ['net-test/src/lib.rs', 'rust'],
    ['crates/weaver_test_support/src/lib.rs', 'rust'],
    ['EventFlow.TestHelpers/TcpHelper.cs', 'csharp'],
    ['test-commons/src/main/kotlin/Sockets.kt', 'kotlin'],
    ['testing_support/server.py', 'python'],
    ['tests/test_socket.c', 'c'],
    ['socket_unittest.cc', 'cpp'],
  ] as const)('%s is test code (%s)', (path, language) => {
    expect(isTestPath(path, language)).toBe(true)
  })

  it.each([
    ['src/server.py', 'python'],
    ['src/contest.py', 'python'],
    ['src/pytestify.py', 'python'],
    ['src/attestation.ts', 'typescript'],
    ['src/latest.ts', 'typescript'],
    ['src/contest.js', 'javascript'],
    ['src/latest-test.js', 'javascript'],
    ['cmd/main.go', 'go'],
    ['src/main/java/Server.java', 'java'],
    ['src/lib.rs', 'rust'],
    ['Api/Program.cs', 'csharp'],
    ['testament/src/main.rs', 'rust'],
    ['contesting/src/lib.rs', 'rust'],
  ] as const)('%s is not test code (%s)', (path, language) => {
    expect(isTestPath(path, language)).toBe(false)
  })
})
