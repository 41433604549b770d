import { Parser, Language } from 'web-tree-sitter'
import { readFileSync } from 'node:fs'
await Parser.init()
const files = {py:'tree-sitter-python/tree-sitter-python.wasm', kt:'@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm', cs:'tree-sitter-c-sharp/tree-sitter-c_sharp.wasm', cpp:'tree-sitter-cpp/tree-sitter-cpp.wasm', c:'tree-sitter-c/tree-sitter-c.wasm', go:'tree-sitter-go/tree-sitter-go.wasm', java:'tree-sitter-java/tree-sitter-java.wasm', js:'tree-sitter-javascript/tree-sitter-javascript.wasm', ts:'tree-sitter-typescript/tree-sitter-typescript.wasm', tsx:'tree-sitter-typescript/tree-sitter-tsx.wasm', rs:'tree-sitter-rust/tree-sitter-rust.wasm'}
const [lang, file] = process.argv.slice(2)
const L = await Language.load(readFileSync('node_modules/'+files[lang]))
const p = new Parser(); p.setLanguage(L)
const tree = p.parse(readFileSync(file, 'utf8'))
function dump(n, d, field) {
  const f = field ? field + ': ' : ''
  const leaf = n.childCount === 0 || n.type.includes('string') || n.type.includes('literal') && n.childCount<3 ? ' ' + JSON.stringify(n.text.slice(0,40)) : ''
  console.log('  '.repeat(d) + f + (n.isNamed ? n.type : JSON.stringify(n.type)) + leaf)
  if (leaf && n.childCount===0) return
  for (let i = 0; i < n.childCount; i++) { const c = n.child(i); if (!c.isNamed && c.childCount===0) continue; dump(c, d+1, n.fieldNameForChild(i)) }
}
dump(tree.rootNode, 0)
