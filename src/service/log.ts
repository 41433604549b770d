// The service logs with Fastify's pino; the GitHub layer and the publisher take a Logger.
import type { FastifyBaseLogger } from 'fastify'
import type { Logger } from '../github/index.ts'

export function loggerOf(log: FastifyBaseLogger): Logger {
  return {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warning: (m) => log.warn(m),
    error: (m) => log.error(m),
  }
}
