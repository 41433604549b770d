// Writes source files into a fresh directory and scans them with the real scanner.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Grammars } from '../../src/scan/grammars.ts'
import { scan, type ScanOptions, type ScanResult } from '../../src/scan/scan.ts'

/** One Grammars per test process: loading wasm once keeps the suite quick. */
export const grammars = new Grammars()

export function writeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'bind-probe-scan-'))
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path)
    mkdirSync(dirname(abs), { recursive: true })
    writeFileSync(abs, content)
  }
  return root
}

export async function scanFiles(
  files: Record<string, string | Buffer>,
  options: Omit<ScanOptions, 'root'> = {},
): Promise<ScanResult & { root: string }> {
  const root = writeTree(files)
  return { ...(await scan({ root, grammars, ...options })), root }
}

/** `rule@line` for each finding, sorted: compact to assert on. */
export function hits(result: ScanResult): string[] {
  return result.findings.map((f) => `${f.rule}@${f.line}`).sort()
}

/** The first line of each finding of `rule` in files scanned as a tree. */
export async function linesOf(files: Record<string, string>, rule: string): Promise<number[]> {
  const result = await scanFiles(files)
  return result.findings.filter((f) => f.rule === rule).map((f) => f.line)
}

/** Each finding of `rule` as [first line, last line]. */
export function spansOf(
  r: { findings: { rule: string; line: number; endLine?: number }[] },
  rule: string,
) {
  return r.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.endLine ?? f.line])
}

/** The free-port races a scan reports, as [first line, last line]. */
export const race = (r: Parameters<typeof spansOf>[0]) => spansOf(r, 'PORT002')
