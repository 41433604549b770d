// The project's policy file, `.github/bind-probe.yml`: loading, checking and the defaults.
export { ConfigError, loadConfig, MAX_CONFIG_CHARS, type ConfigProblem } from './load.ts'
export {
  DEFAULT_COMMENT_KEY,
  DEFAULT_CONFIG,
  DEFAULT_FAIL_ON,
  type CommentMode,
  type Config,
  type ExpectedPlatform,
  type FailOn,
  type Policy,
  type Requirement,
} from './model.ts'
