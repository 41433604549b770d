// A Logger that remembers what it was told, for assertions on warnings.
import type { Logger } from '../../../src/github/logger.ts'

export interface RecordingLogger extends Logger {
  lines: Array<{ level: 'debug' | 'info' | 'warning' | 'error'; message: string }>
  warnings(): string[]
  errors(): string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = []
  return {
    lines,
    debug: (message) => lines.push({ level: 'debug', message }),
    info: (message) => lines.push({ level: 'info', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
    error: (message) => lines.push({ level: 'error', message }),
    warnings: () => lines.filter((l) => l.level === 'warning').map((l) => l.message),
    errors: () => lines.filter((l) => l.level === 'error').map((l) => l.message),
  }
}
