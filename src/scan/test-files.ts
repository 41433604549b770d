// What counts as test code, by each language's conventions. Most rules only fire in test code:
// a fixed port in a server's main() is configuration, the same port in a test is a collision.
import { posix } from 'node:path'
import type { LanguageId } from './languages.ts'

/** Directory names that hold tests or test support in every ecosystem we read. */
const TEST_DIRS = new Set([
  'test',
  'tests',
  '__tests__',
  'spec',
  'specs',
  'testing',
  'testutil',
  'testutils',
  'test_utils',
  'test-utils',
  'testhelpers',
  'test_helpers',
  'test-helpers',
  'testdata',
  'testsupport',
  'e2e',
  'integration-tests',
  'integration_tests',
  'integrationtests',
  'androidtest',
  'testfixtures',
  'integrationtest',
  // Catena's `unittests/cpp/gRPC/GRPCTest.h`; not `unittest`, which is also Python's own package.
  'unittests',
  'unit_tests',
  'unit-tests',
  // TizenRT's apps/examples/testcase, LTP's testcases.
  'testcase',
  'testcases',
])

/** Directory names by suffix: C# test projects (Foo.Tests), Rust `-test` crates, Maven `-it`. */
const TEST_DIR_SUFFIX = /(?:[._-](?:tests?|unittests?|integrationtests?|specs?|it))$/i

/**
 * …and by prefix: shared test modules such as `test-commons`, `test_support`, `testing-utils`, and
 * pytest plugins' packages (`pytest_server_fixtures`), as their `pytest_*.py` files are below.
 */
const TEST_DIR_PREFIX = /^(?:tests?|testing|pytest)[_-]/i

/** File names, per language. */
const TEST_FILE: Record<LanguageId, RegExp> = {
  // unittest discovers `test*.py`, which takes in a lone `test.py` too; `pytest_*.py` is a pytest
  // plugin, loaded into the test session (pytest-mock-server's `pytest_mock_server.py`).
  python: /^(?:_?test_.*|.*_test|conftest|tests?|pytest_\w+)\.py$/,
  // Deno's runner adds `*_test.ts` and `test.ts` to the `.test.`/`.spec.` of Jest, Vitest, Mocha;
  // AVA's defaults add `test-*.js`.
  javascript: /(?:\.(?:test|spec|e2e|cy)|_test|^test(?:-.*)?)\.[cm]?jsx?$/,
  typescript: /(?:\.(?:test|spec|e2e|cy)|_test|^test(?:-.*)?)\.[cm]?ts$/,
  tsx: /(?:\.(?:test|spec|e2e|cy)|_test|^test(?:-.*)?)\.tsx$/,
  go: /_test\.go$/,
  java: /(?:Test|Tests|IT|TestCase|Spec)\.java$/,
  kotlin: /(?:Test|Tests|IT|TestCase|Spec)\.kts?$/,
  csharp: /(?:Test|Tests|Spec|Specs|Fixture)\.cs$/,
  rust: /^(?:tests?|test_.*|.*_tests?)\.rs$/,
  c: /(?:^test_.*|_test|_tests|_unittest|Test|Tests)\.c$/,
  cpp: /(?:^test_.*|_test|_tests|_unittest|Test|Tests)\.(?:cc|cpp|cxx|c\+\+)$/,
}

/** A file named only for testing, by the conventions that collect such names: `test.ts`, `test.py`. */
const BARE_TEST = /^tests?\.[cm]?[jt]sx?$|^tests?\.py$/

/**
 * Support modules and packages named for testing anywhere: aiohttp/test_utils.py, internal/testutil.go,
 * kanidm's `server/testkit` crate.
 */
const SUPPORT_NAME =
  /(?:^|[_.-])(?:test_?utils?|test_?helpers?|testing|testlib|test_?support|test_?kit)(?:$|[_.-])/i

export function isTestPath(
  path: string,
  language: LanguageId,
  testGlobs: readonly string[] = [],
): boolean {
  const file = path.slice(path.lastIndexOf('/') + 1)
  // A bare `test.ts` among a benchmark's or an example's programs is its own check, run with it
  // (httpxy's `bench/test.ts`, run by `pnpm bench`; census 53), not a file a test runner collects.
  if (TEST_FILE[language].test(file)) return !(BARE_TEST.test(file) && runByHand(path))
  if (SUPPORT_NAME.test(file.replace(/\.[^.]+$/, ''))) return true
  return inTestDirectory(path, testGlobs)
}

/** A path under a directory of tests or test support, or matched by the configured globs. */
export function inTestDirectory(path: string, testGlobs: readonly string[] = []): boolean {
  const parts = path.split('/').slice(0, -1)
  // Documentation's examples are not the test suite, whatever a folder in it is called
  // (ServiceControl's `docs/test-ghcr-tag/compose.yml`, brought up by hand).
  const documentation = /^(?:docs?|documentation)$/i.test(parts[0] ?? '')
  for (const dir of documentation ? [] : parts) {
    const lower = dir.toLowerCase()
    if (TEST_DIRS.has(lower) || TEST_DIR_SUFFIX.test(dir) || TEST_DIR_PREFIX.test(dir)) return true
    // A crate or package of test support: weaver's `crates/weaver_test_support/src/lib.rs`.
    if (SUPPORT_NAME.test(dir)) return true
  }
  // Maven and Gradle source sets: src/test, src/integrationTest, src/jmhTest...
  if (/(?:^|\/)src\/\w*[tT]est\w*\//.test(path)) return true
  return testGlobs.some((glob) => posix.matchesGlob(path, glob))
}

/**
 * Directories of programs kept among the tests to be run by hand: examples, guides, demos,
 * benchmarks and performance programs (jeromq's `src/test/java/guide/`, httpcore's
 * `tests/benchmark/`, asio's `src/tests/performance/server.cpp`, Chronicle-Network's
 * `…/performance/tests/network/PingPongWithMains.java`; censuses 74 and 75), and the
 * documentation's own code and build extensions (litestar's `tools/sphinx_ext/run_examples.py`,
 * census 66). A file there that is no test itself starts its servers only when someone runs it.
 */
export const runByHand = (path: string): boolean =>
  /(?:^|\/)(?:examples?|guides?|demos?|samples?|manual|bench(?:mark)?s?|perf(?:ormance)?|docs?|\w*sphinx\w*)\//i.test(
    path,
  ) ||
  // …and a project named for its benchmarks (questdb's `src/net-questdb-client-benchmarks/`,
  // `Foo.Benchmarks/`; census 72).
  /(?:^|\/)[\w.-]+[-_.]bench(?:mark)?s\//i.test(path) ||
  // …and Python scripts named for benchmarking, which pytest does not collect (pynetdicom's
  // `tests/benchmark_script.py`; census 69).
  /(?:^|\/)bench(?:mark)?(?:s|_\w+)?\.py$/i.test(path)

/**
 * Type tests, which a checker compiles and never runs: TSTyche's `*.tst.ts`, tsd's and Vitest's
 * typecheck mode's `*.test-d.ts` (mercurius's `test/types/index.tst.ts` calls
 * `app.listen({ port: 3000 })` only to check its types).
 */
export const typeTestOnly = (path: string): boolean =>
  /\.(?:tst|test-d|spec-d)\.[cm]?[jt]sx?$/.test(path) ||
  // …and TypeScript under a suite's `types/` directory that no runner's pattern picks up (elysia's
  // `test/types/index.ts`, checked by `tsc --noEmit` only; census 68).
  (/(?:^|\/)tests?\/types?\/(?:[^/]+\/)*[^/]+\.[cm]?tsx?$/.test(path) &&
    !/\.(?:test|spec)\.[cm]?tsx?$/.test(path))

/**
 * Programs a test suite only compiles, expecting the compiler to reject them: Rust's
 * `tests/compile-fail/` (compiletest, nickel.rs's `listen("127.0.0.1:6767")` under an expected
 * type error; census 62), Boost's `compile_fail` tests. Nothing in them runs.
 */
export const compileFailOnly = (path: string): boolean => /(?:^|\/)compile[-_]fail\//.test(path)

/**
 * Go files in a `testdata` directory, which the go tool leaves out of every package: `go test ./...`
 * neither builds nor runs them (req's `internal/testdata/cert_test.go`, listening on 4433; census
 * 63). A test may read them as data or hand them to `go run`, which the scan does not follow.
 */
export const goTestdata = (path: string): boolean =>
  /\.go$/.test(path) && /(?:^|\/)testdata\//.test(path)

/** A module pytest collects by its name: `test_x.py`, `x_test.py`. */
export const pytestModule = (path: string): boolean =>
  /(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$/.test(path)
