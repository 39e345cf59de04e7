import type { RuleContext } from '../../../core/types.js'

/**
 * Per-rule options (DCLint's rule options, under our ids): read from `settings.ruleOptions[<ID>]`
 * when the configuration layer provides them; every rule has defaults and works without.
 */
export function ruleOptions<T extends object>(ctx: RuleContext, id: string): Partial<T> {
  const all = (ctx.settings as unknown as { ruleOptions?: Record<string, unknown> }).ruleOptions
  const mine = all?.[id]
  return mine && typeof mine === 'object' ? (mine as Partial<T>) : {}
}
