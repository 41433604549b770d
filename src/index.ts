// The action's entry point (dist/index.js): everything is in run().
import { run } from './action/main.ts'

const end = await run()
// Calls given up at the network deadline may still be retrying in the background; the step's
// work is done and written, so it ends now (with the exit code run() set).
if (end.networkAbandoned) process.exit()
