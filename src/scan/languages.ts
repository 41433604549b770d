// The languages the scan parses, the grammar package that ships each one's .wasm, and the file
// extensions that select it. Grammar versions are pinned exactly in package.json.

export type LanguageId =
  | 'python'
  | 'javascript'
  | 'typescript'
  | 'tsx'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'csharp'
  | 'rust'
  | 'c'
  | 'cpp'

/** Languages that share idioms, and so share advice text. */
export type Family = 'python' | 'js' | 'go' | 'java' | 'kotlin' | 'csharp' | 'rust' | 'c'

export interface LanguageSpec {
  id: LanguageId
  /** How people write the name. */
  name: string
  family: Family
  /** npm package and file name of the grammar's WebAssembly build. */
  grammar: { pkg: string; file: string }
  extensions: readonly string[]
}

export const LANGUAGES: readonly LanguageSpec[] = [
  {
    id: 'python',
    name: 'Python',
    family: 'python',
    grammar: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
    extensions: ['.py'],
  },
  {
    id: 'javascript',
    name: 'JavaScript',
    family: 'js',
    grammar: { pkg: 'tree-sitter-javascript', file: 'tree-sitter-javascript.wasm' },
    extensions: ['.js', '.mjs', '.cjs', '.jsx'],
  },
  {
    id: 'typescript',
    name: 'TypeScript',
    family: 'js',
    grammar: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
    extensions: ['.ts', '.mts', '.cts'],
  },
  {
    id: 'tsx',
    name: 'TSX',
    family: 'js',
    grammar: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
    extensions: ['.tsx'],
  },
  {
    id: 'go',
    name: 'Go',
    family: 'go',
    grammar: { pkg: 'tree-sitter-go', file: 'tree-sitter-go.wasm' },
    extensions: ['.go'],
  },
  {
    id: 'java',
    name: 'Java',
    family: 'java',
    grammar: { pkg: 'tree-sitter-java', file: 'tree-sitter-java.wasm' },
    extensions: ['.java'],
  },
  {
    id: 'kotlin',
    name: 'Kotlin',
    family: 'kotlin',
    grammar: { pkg: '@tree-sitter-grammars/tree-sitter-kotlin', file: 'tree-sitter-kotlin.wasm' },
    extensions: ['.kt', '.kts'],
  },
  {
    id: 'csharp',
    name: 'C#',
    family: 'csharp',
    grammar: { pkg: 'tree-sitter-c-sharp', file: 'tree-sitter-c_sharp.wasm' },
    extensions: ['.cs'],
  },
  {
    id: 'rust',
    name: 'Rust',
    family: 'rust',
    grammar: { pkg: 'tree-sitter-rust', file: 'tree-sitter-rust.wasm' },
    extensions: ['.rs'],
  },
  {
    id: 'c',
    name: 'C',
    family: 'c',
    grammar: { pkg: 'tree-sitter-c', file: 'tree-sitter-c.wasm' },
    extensions: ['.c'],
  },
  {
    id: 'cpp',
    name: 'C++',
    family: 'c',
    grammar: { pkg: 'tree-sitter-cpp', file: 'tree-sitter-cpp.wasm' },
    // Headers go to the C++ grammar: it also reads C, while the C grammar stumbles on C++.
    extensions: ['.cc', '.cpp', '.cxx', '.c++', '.h', '.hh', '.hpp', '.hxx'],
  },
]

const BY_EXTENSION = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l] as const)))
const BY_ID = new Map(LANGUAGES.map((l) => [l.id, l]))

/** The language of a path by its extension, or undefined when the scan does not read it. */
export function languageOf(path: string): LanguageSpec | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  const dot = name.lastIndexOf('.')
  if (dot <= 0) return undefined
  return BY_EXTENSION.get(name.slice(dot))
}

export function languageById(id: LanguageId): LanguageSpec {
  return BY_ID.get(id)!
}
