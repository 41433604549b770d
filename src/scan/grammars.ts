// Loads web-tree-sitter and the grammars. Each .wasm is looked for next to this module first (in
// dist/ the bundle copies them to dist/grammars/) and then in node_modules (running from source).
// A grammar that cannot load, or whose ABI the runtime does not accept, disables its language
// only: the caller learns which and why, and the scan goes on with the others.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Language, LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION, Parser } from 'web-tree-sitter'
import { LANGUAGES, languageById, type LanguageId } from './languages.ts'

export interface GrammarStatus {
  language: LanguageId
  ok: boolean
  /** The grammar's ABI version, when it loaded far enough to tell. */
  abi?: number
  /** Where the .wasm came from, or why the language is unavailable. */
  detail: string
}

const RUNTIME = { pkg: 'web-tree-sitter', file: 'web-tree-sitter.wasm' }

/** A known-good line per language: parsing it proves the grammar really works. */
const SMOKE: Record<LanguageId, string> = {
  python: 'x = socket.bind(("", 0))\n',
  javascript: 'server.listen(0, () => {})\n',
  typescript: 'const p: number = server.address().port\n',
  tsx: 'const e = <div>{port}</div>\n',
  go: 'package p\nfunc f() { net.Listen("tcp", ":0") }\n',
  java: 'class A { void f() { new ServerSocket(0); } }\n',
  kotlin: 'fun f() { ServerSocket(0) }\n',
  csharp: 'class A { void F() { new TcpListener(IPAddress.Loopback, 0); } }\n',
  rust: 'fn f() { TcpListener::bind("127.0.0.1:0"); }\n',
  c: 'int f(void) { return bind(fd, addr, len); }\n',
  cpp: 'int f() { return bind(fd, addr, len); }\n',
}

/** Candidate locations of a wasm file: beside the bundle, then the installed package. */
export function wasmCandidates(pkg: string, file: string): string[] {
  const candidates = [fileURLToPath(new URL(`./grammars/${file}`, import.meta.url))]
  try {
    candidates.push(fileURLToPath(import.meta.resolve(`${pkg}/${file}`)))
  } catch {
    // Not resolvable from here (the bundle has no node_modules); the first candidate must do.
  }
  return candidates
}

async function readFirst(candidates: string[]): Promise<{ bytes: Uint8Array; from: string }> {
  const errors: string[] = []
  for (const path of candidates) {
    try {
      return { bytes: await readFile(path), from: path }
    } catch (error) {
      errors.push(`${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
  }
  throw new Error(`not found (${errors.join('; ')})`)
}

let runtime: Promise<void> | undefined

function initRuntime(): Promise<void> {
  runtime ??= (async () => {
    const { bytes } = await readFirst(wasmCandidates(RUNTIME.pkg, RUNTIME.file))
    await Parser.init({ wasmBinary: bytes })
  })()
  return runtime
}

export interface LoadedGrammar {
  status: GrammarStatus
  parser?: Parser
}

export interface GrammarOptions {
  /** Where to look for a grammar's .wasm instead of the defaults (for tests of broken grammars). */
  locate?: (pkg: string, file: string) => string[] | undefined
}

/** Loads grammars once, on first use of each language. */
export class Grammars {
  private readonly loaded = new Map<LanguageId, Promise<LoadedGrammar>>()
  private readonly options: GrammarOptions

  constructor(options: GrammarOptions = {}) {
    this.options = options
  }

  get(language: LanguageId): Promise<LoadedGrammar> {
    let entry = this.loaded.get(language)
    if (!entry) {
      entry = loadGrammar(language, this.options)
      this.loaded.set(language, entry)
    }
    return entry
  }

  /** Statuses of the languages asked for so far. */
  async statuses(): Promise<GrammarStatus[]> {
    return Promise.all([...this.loaded.values()].map(async (e) => (await e).status))
  }

  /** Frees the parsers (their memory lives in the WebAssembly heap). */
  async dispose(): Promise<void> {
    for (const entry of this.loaded.values()) (await entry).parser?.delete()
    this.loaded.clear()
  }
}

async function loadGrammar(language: LanguageId, options: GrammarOptions): Promise<LoadedGrammar> {
  const { grammar } = languageById(language)
  try {
    await initRuntime()
  } catch (error) {
    return failed(language, `the tree-sitter runtime did not start: ${(error as Error).message}`)
  }
  let bytes: Uint8Array
  let from: string
  try {
    const candidates =
      options.locate?.(grammar.pkg, grammar.file) ?? wasmCandidates(grammar.pkg, grammar.file)
    ;({ bytes, from } = await readFirst(candidates))
  } catch (error) {
    return failed(language, `grammar ${grammar.file} ${(error as Error).message}`)
  }
  let lang: Language
  try {
    lang = await Language.load(bytes)
  } catch (error) {
    return failed(language, `grammar ${grammar.file} did not load: ${describe(error)}`)
  }
  const abi = lang.abiVersion
  if (abi < MIN_COMPATIBLE_VERSION || abi > LANGUAGE_VERSION) {
    return failed(
      language,
      `grammar ${grammar.file} has ABI ${abi}; this web-tree-sitter accepts ` +
        `${MIN_COMPATIBLE_VERSION} to ${LANGUAGE_VERSION}`,
      abi,
    )
  }
  const parser = new Parser()
  try {
    parser.setLanguage(lang)
    const tree = parser.parse(SMOKE[language])
    const broken = !tree || tree.rootNode.hasError
    tree?.delete()
    if (broken) throw new Error('a known-good snippet did not parse cleanly')
  } catch (error) {
    parser.delete()
    return failed(
      language,
      `grammar ${grammar.file} failed its smoke test: ${describe(error)}`,
      abi,
    )
  }
  return { status: { language, ok: true, abi, detail: from }, parser }
}

function failed(language: LanguageId, detail: string, abi?: number): LoadedGrammar {
  return { status: { language, ok: false, detail, ...(abi === undefined ? {} : { abi }) } }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message || (error instanceof Error ? error.name : 'unknown error')
}

/** Loads every grammar, as the start-up compatibility check does. */
export async function checkGrammars(grammars = new Grammars()): Promise<GrammarStatus[]> {
  return Promise.all(LANGUAGES.map(async (l) => (await grammars.get(l.id)).status))
}
