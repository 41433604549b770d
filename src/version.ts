import pkg from '../package.json' with { type: 'json' }

/** bind-probe's version, as package.json states it. */
export const VERSION: string = pkg.version
