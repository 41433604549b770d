// `bind-probe serve`: loaded only when asked for, so the other commands do not load Fastify.
import { CommandFailure, UsageError, type Io } from '../cli/io.ts'
import { startService } from './serve.ts'
import { readSettings, SettingError } from './settings.ts'
import { DatabaseInUseError } from './store/sqlite.ts'

export async function serveCommand(argv: string[], io: Io): Promise<number> {
  let settings
  try {
    settings = readSettings(argv)
  } catch (error) {
    if (error instanceof SettingError) throw new UsageError(error.message)
    throw error
  }
  let service
  try {
    service = await startService(settings, io.stderr)
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw new CommandFailure(error.message)
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new CommandFailure(`cannot listen on ${settings.host}:${settings.port} (${code})`)
    }
    throw error
  }
  io.stdout.write(`listening on ${service.url}\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve())
    process.once('SIGINT', () => resolve())
  })
  await service.stop()
  return 0
}
