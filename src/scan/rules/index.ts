// The rule set, keyed by id.
import type { Hit, Rule, RuleContext } from './context.ts'
import { fixedPortInTest } from './fixed-port.ts'
import { fixedPortRebind } from './fixed-port-rebind.ts'
import { freePortRace } from './free-port-race.ts'
import { localhostFamily } from './localhost-family.ts'
import { reuseAddress, reusePort } from './reuse-options.ts'
import { serveBeforeListen } from './serve-before-listen.ts'

export const RULE_CHECKS: Record<string, Rule> = {
  PORT001: fixedPortInTest,
  PORT002: freePortRace,
  PORT003: reuseAddress,
  PORT004: reusePort,
  PORT005: localhostFamily,
  PORT006: fixedPortRebind,
  PORT007: serveBeforeListen,
}

export function runRules(ctx: RuleContext, enabled: ReadonlySet<string>): Hit[] {
  const hits: Hit[] = []
  for (const [id, check] of Object.entries(RULE_CHECKS)) {
    if (enabled.has(id)) for (const hit of check(ctx)) hits.push(hit)
  }
  return hits.sort((a, b) => a.at.start - b.at.start || a.rule.localeCompare(b.rule))
}
