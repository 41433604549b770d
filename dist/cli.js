#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/bin.ts
var MINIMUM = { major: 22, minor: 18 };
var [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < MINIMUM.major || major === MINIMUM.major && minor < MINIMUM.minor) {
  process.stderr.write(
    `bind-probe needs Node.js ${MINIMUM.major}.${MINIMUM.minor} or newer; this is Node.js ${process.versions.node}
`
  );
  process.exit(2);
}
var { main } = await import("./main-KPV2IRGW.js");
process.exitCode = await main(process.argv.slice(2));
