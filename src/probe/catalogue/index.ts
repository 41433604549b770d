// The built-in scenario catalogue: the 45 scenarios of the semantics reference §9, in its order,
// then the Node scenarios. Ids are public and stable.
import type { Scenario } from '../model.ts'
import { ephemeral } from './ephemeral.ts'
import { ipv6 } from './ipv6.ts'
import { nodeScenarios } from './node.ts'
import { tcp4Default } from './tcp4-default.ts'
import { tcp4ReuseAddr } from './tcp4-reuseaddr.ts'
import { tcp4Exclusive, tcp4ReusePort } from './tcp4-reuseport-exclusive.ts'
import { tcp4TimeWait } from './tcp4-timewait.ts'
import { udp4 } from './udp4.ts'

export const CATALOGUE: readonly Scenario[] = [
  ...tcp4Default,
  ...tcp4ReuseAddr,
  ...tcp4ReusePort,
  ...tcp4Exclusive,
  ...tcp4TimeWait,
  ...udp4,
  ...ipv6,
  ...ephemeral,
  ...nodeScenarios,
]
