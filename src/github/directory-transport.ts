// Leg bundles as sub-directories of one local directory: for the CLI, for self-hosted set-ups
// that share a disk, and for tests of everything above the transport.
import { statSync, type Dirent } from 'node:fs'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  MAX_BUNDLES,
  MAX_FILE_BYTES,
  SCAN_FILE,
  type DownloadOptions,
  type DownloadedBundle,
  type ResultTransport,
  type TransportFile,
} from './transport.ts'

export class DirectoryTransport implements ResultTransport {
  readonly root: string

  constructor(root: string) {
    this.root = root
  }

  async upload(name: string, files: TransportFile[]): Promise<void> {
    assertPlainName(name, 'bundle')
    const dir = join(this.root, name)
    await mkdir(dir, { recursive: true })
    for (const file of files) {
      assertPlainName(file.name, 'file')
      await writeFile(join(dir, file.name), file.content)
    }
  }

  /** A directory is whatever run's results were put in it, so `from` changes nothing. */
  async downloadAll(options: DownloadOptions): Promise<DownloadedBundle[]> {
    let names: string[]
    try {
      names = (await readdir(this.root, { withFileTypes: true }))
        .filter((e) => isA('directory', this.root, e) && options.accept(e.name))
        .map((e) => e.name)
        .sort()
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const read = await Promise.all(
      names.slice(0, MAX_BUNDLES).map((name) =>
        readBundle(join(this.root, name), name).catch((error: Error): DownloadedBundle => ({
          name,
          files: [],
          problem: error.message,
        })),
      ),
    )
    // Results left out are named, never dropped without a word: the first stands for the rest.
    const left = names.length - MAX_BUNDLES
    if (left > 0) {
      read.push({
        name: names[MAX_BUNDLES]!,
        files: [],
        problem: `it and ${left - 1} more bundle(s) after it were not read: at most ${MAX_BUNDLES} bundles are read`,
      })
    }
    return read
  }
}

/** Reads the regular files directly inside `dir` (bundles are flat), refusing oversized ones. */
export async function readBundle(dir: string, name: string): Promise<DownloadedBundle> {
  const files: TransportFile[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!isA('file', dir, entry)) continue
    const path = join(dir, entry.name)
    const { size } = await stat(path)
    if (size > MAX_FILE_BYTES && entry.name === SCAN_FILE) {
      // The probe's result is worth keeping without the scan: the findings go, with a note.
      const note = `its scan.json was ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit, so its findings were dropped`
      files.push({ name: SCAN_FILE, content: JSON.stringify({ findings: [], notes: [note] }) })
      continue
    }
    if (size > MAX_FILE_BYTES) {
      throw new Error(
        `${name}/${entry.name} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a result file`,
      )
    }
    files.push({ name: entry.name, content: await readFile(path, 'utf8') })
  }
  return { name, files: files.sort((a, b) => a.name.localeCompare(b.name)) }
}

function assertPlainName(name: string, what: string): void {
  if (!name || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new Error(`${what} name "${name}" must be a plain name without directories`)
  }
}

/** Whether a directory entry is a file or a directory, following a symbolic link to see. */
export function isA(kind: 'file' | 'directory', dir: string, entry: Dirent): boolean {
  if (!entry.isSymbolicLink()) return kind === 'file' ? entry.isFile() : entry.isDirectory()
  const target = statSync(join(dir, entry.name), { throwIfNoEntry: false })
  return kind === 'file' ? target?.isFile() === true : target?.isDirectory() === true
}
