// What each reason for "not measured" means, in words a reader of a table or a comment knows.
import type { SkipCause } from './model.ts'

export const CAUSE_WORDS: Record<SkipCause, string> = {
  'ipv6-unavailable': 'IPv6 is not available on this host',
  'loopback-down': 'the loopback interface is down',
  'ephemeral-exhausted': 'no free port was left in the ephemeral range',
  'port-taken': 'another program held the port',
  'descriptors-exhausted': 'the probe ran out of file descriptors (ulimit -n)',
}
