// Step outputs within GitHub's limit: 1 MB for all of a job's outputs, counted as UTF-16 (two
// bytes per code unit). A large value would fail the job at its end, so values that may grow
// (`report-json`) spill into a file: the output then holds the empty string and `<name>-file`
// names the file, which is always written for spillable outputs.
import { setOutput as coreSetOutput } from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from './logger.ts'

export interface OutputValue {
  name: string
  value: string
  /** May go to a file when too large: the file is written to `dir` as `<fileName>`. */
  spill?: { fileName: string }
}

export interface OutputsResult {
  /** Outputs set with their full value. */
  set: string[]
  /** Outputs whose value went to a file instead: name → path. */
  spilled: Record<string, string>
  /** Files written for spillable outputs: name → path. */
  files: Record<string, string>
  /** UTF-16 bytes of everything set. */
  bytes: number
}

/** The outputs could not be written (GITHUB_OUTPUT on a full disk, say); names the file. */
export class OutputWriteError extends Error {
  override name = 'OutputWriteError'
}

/** Half of the job's 1 MB: other steps of the job may set outputs too. */
export const OUTPUTS_BUDGET = 512 * 1024

export async function setOutputsSafely(
  outputs: OutputValue[],
  logger: Logger,
  options: { dir: string; budget?: number; setOutput?: (name: string, value: string) => void },
): Promise<OutputsResult> {
  const write = options.setOutput ?? coreSetOutput
  const set = (name: string, value: string) => {
    try {
      write(name, value)
    } catch (error) {
      const file = process.env.GITHUB_OUTPUT ?? 'the log'
      throw new OutputWriteError(
        `could not write the output ${name} to GITHUB_OUTPUT (${file}): ${(error as Error).message}`,
        { cause: error },
      )
    }
  }
  const budget = options.budget ?? OUTPUTS_BUDGET
  const result: OutputsResult = { set: [], spilled: {}, files: {}, bytes: 0 }
  const size = (o: OutputValue) => 2 * (o.name.length + o.value.length)

  for (const output of outputs.filter((o) => o.spill)) {
    await mkdir(options.dir, { recursive: true })
    const path = join(options.dir, output.spill!.fileName)
    await writeFile(path, output.value)
    result.files[output.name] = path
  }
  // Fixed outputs first; then spillable ones, smallest first, while they fit.
  const fixed = outputs.filter((o) => !o.spill)
  const spillable = outputs.filter((o) => o.spill).sort((a, b) => size(a) - size(b))
  for (const output of [...fixed, ...spillable]) {
    const path = result.files[output.name]
    const extra = path ? [{ name: `${output.name}-file`, value: path }] : []
    const needed =
      size(output) + extra.reduce((n, e) => n + 2 * (e.name.length + e.value.length), 0)
    if (path && result.bytes + needed > budget) {
      set(output.name, '')
      set(`${output.name}-file`, path)
      result.spilled[output.name] = path
      result.bytes += 2 * (output.name.length + `${output.name}-file`.length + path.length)
      logger.warning(
        `output ${output.name} would be ${size(output)} bytes, over the room left for outputs; it is empty, and ${output.name}-file names ${path}`,
      )
      continue
    }
    if (!path && result.bytes + needed > budget) {
      throw new Error(
        `output ${output.name} is ${size(output)} bytes and cannot fit GitHub's output limit`,
      )
    }
    set(output.name, output.value)
    for (const e of extra) set(e.name, e.value)
    result.set.push(output.name)
    result.bytes += needed
  }
  return result
}
