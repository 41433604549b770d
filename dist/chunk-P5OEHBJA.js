import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/io.ts
import { accessSync, constants, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
function watchOutput(stream) {
  const writable = stream;
  if (typeof writable.on !== "function") return async () => void 0;
  let failure;
  writable.on("error", (error) => failure ??= error);
  const known = () => failure ?? writable.errored ?? void 0;
  return () => new Promise((resolve2) => {
    if (known() || writable.destroyed || !writable.writableLength) return resolve2(known());
    writable.write("", () => resolve2(known()));
  });
}
function isClosedPipe(error) {
  return error.code === "EPIPE";
}
function writeFailure(error) {
  const message = error?.message ?? String(error);
  const m = /^([A-Z][A-Z0-9_]+): (.*?)(?:, \w+(?: '[^']*')?)?$/.exec(message);
  return m ? `${m[2]} (${m[1]})` : message;
}
var UsageError = class extends Error {
  name = "UsageError";
};
var CommandFailure = class extends Error {
  name = "CommandFailure";
};
function checkOutPath(out) {
  if (out.trim() === "") throw new UsageError("--out needs a file name");
  if (/[/\\]$/.test(out)) throw new UsageError(`--out ${out}: name a file, not a directory`);
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new UsageError(`--out ${out} is a directory; name a file in it`);
  const dir = dirname(resolve(out));
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CommandFailure(`--out ${out}: its directory ${dir} does not exist`);
  }
  try {
    accessSync(stat ? out : dir, constants.W_OK);
  } catch {
    throw new CommandFailure(
      `--out ${out}: ${stat ? "the file" : `the directory ${dir}`} is not writable`
    );
  }
}

export {
  watchOutput,
  isClosedPipe,
  writeFailure,
  UsageError,
  CommandFailure,
  checkOutPath
};
