// The action's entry point (dist/index.js): everything is in run().
import { run } from './action/main.ts'

await run()
