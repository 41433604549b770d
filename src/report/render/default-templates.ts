// The default templates ship as files: templates/ in the repository, dist/templates/ beside the
// bundle (scripts/bundle.mjs copies them). Reading a file that ships with the code is the one
// input this module takes from disk; it is read once.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TemplateSource } from './template.ts'

export type DefaultTemplate = 'comment' | 'summary'

const FILES: Record<DefaultTemplate, string> = {
  comment: 'comment.md.hbs',
  summary: 'summary.md.hbs',
}

/** Bundled layout first (dist/index.js next to dist/templates/), then the source tree. */
const DIRECTORIES = [
  new URL('./templates/', import.meta.url),
  new URL('../../../templates/', import.meta.url),
]

const loaded = new Map<DefaultTemplate, TemplateSource>()

export function defaultTemplate(kind: DefaultTemplate): TemplateSource {
  const cached = loaded.get(kind)
  if (cached) return cached
  const tried: string[] = []
  for (const directory of DIRECTORIES) {
    const path = fileURLToPath(new URL(FILES[kind], directory))
    try {
      const template = { name: `templates/${FILES[kind]}`, source: readFileSync(path, 'utf8') }
      loaded.set(kind, template)
      return template
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      tried.push(path)
    }
  }
  throw new Error(
    `bind-probe's default ${kind} template is missing (looked in ${tried.join(', ')})`,
  )
}
