// What the GitHub layer may say to the person reading the job log. @actions/core satisfies it as
// it is (`createOctokit({ logger: core })`); tests pass a recording fake.
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
  error(message: string): void
}
