import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ProbeUsageError,
  keepHeapSmall,
  printable,
  probe
} from "./chunk-EO3MIZE6.js";
import {
  SETTINGS
} from "./chunk-BJQ3KM7D.js";
import {
  CATALOGUE,
  CAUSE_WORDS,
  ConfigError,
  DEFAULT_CONFIG,
  DirectoryTransport,
  GitDiffError,
  HEADLINE_SCENARIO,
  LANGUAGES,
  MAX_BUNDLES,
  MAX_FILE_BYTES,
  META_FILE,
  OS_FAMILIES,
  ProbeSetupError,
  RESULT_FILE,
  RULE_IDS,
  SCAN_FILE,
  ScenarioError,
  SettingsError,
  TemplateError,
  VERSION,
  assertCommentKey,
  buildReport,
  checkGrammars,
  checkSettings,
  collectLegs,
  describeExpectation,
  describeMetrics,
  evaluatePolicy,
  findingsReasons,
  gitChangedLines,
  isA,
  judge,
  languageById,
  loadConfig,
  parseJsonText,
  parseResultArtifactName,
  rawCode,
  readLegScans,
  recordedStep,
  renderComment,
  renderSummary,
  ruleInfo,
  scan,
  summariseFindings,
  toSarif
} from "./chunk-GHYOCOGF.js";
import {
  CommandFailure,
  UsageError,
  checkOutPath,
  isClosedPipe,
  watchOutput,
  writeFailure
} from "./chunk-P5OEHBJA.js";
import "./chunk-IZEX6PKC.js";
import "./chunk-VA35IVHB.js";

// src/cli/list-command.ts
import { parseArgs } from "node:util";

// src/cli/terminal.ts
import { styleText } from "node:util";
function painter(stream, env = process.env) {
  const colour = stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
  return colour ? (style, text) => styleText(style, text) : (_style, text) => text;
}
var plain = (_style, text) => text;
function pad(text, width) {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

// src/cli/list-command.ts
var LIST_HELP = `Usage: bind-probe list [--format table|json]

Lists the scenario catalogue: ids, titles and the expected outcome on each OS.
`;
function listCommand(argv, io) {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: "string", default: "table" },
      help: { type: "boolean", short: "h" }
    },
    strict: true
  });
  if (values.help) {
    io.stdout.write(LIST_HELP);
    return 0;
  }
  if (values.format !== "table" && values.format !== "json") {
    throw new UsageError(`--format must be table or json, not "${values.format}"`);
  }
  if (values.format === "json") {
    io.stdout.write(`${JSON.stringify(CATALOGUE, null, 2)}
`);
    return 0;
  }
  const paint = painter(io.stdout);
  const width = Math.max(...CATALOGUE.map((s) => s.id.length)) + 2;
  const cell = (e) => `${e.outcome ?? "unknown"}${e.confidence === "documented" ? "" : "?"}`;
  let section = "";
  for (const s of CATALOGUE) {
    if (s.section !== section) {
      section = s.section;
      io.stdout.write(`${paint("bold", section)}
`);
    }
    const cells = OS_FAMILIES.map((os) => `${os} ${cell(s.expect[os])}`).join("  ");
    io.stdout.write(
      `  ${pad(s.id, width)}${s.title}
  ${" ".repeat(width)}${paint("dim", cells)}
`
    );
  }
  io.stdout.write(
    paint(
      "dim",
      `${CATALOGUE.length} scenarios; "?" marks an expectation that is not documented
`
    )
  );
  return 0;
}

// src/cli/probe-command.ts
import { writeFile } from "node:fs/promises";
import { parseArgs as parseArgs2 } from "node:util";

// src/cli/table.ts
var MARKS = {
  matches: { mark: "✓", style: "green" },
  confirmed: { mark: "✓", style: "green" },
  diverges: { mark: "✗", style: "red" },
  refuted: { mark: "!", style: "yellow" },
  settled: { mark: "?", style: "cyan" },
  measurement: { mark: "#", style: "cyan" },
  "not-measured": { mark: "-", style: "dim" },
  "no-expectation": { mark: " ", style: "dim" }
};
function renderTable(result, scenarios, paint = plain) {
  const os = result.platform.os;
  const rows = result.scenarios.map((r) => {
    const scenario = scenarios.get(r.id);
    const judgement = scenario ? judge(scenario, r, os) : { verdict: "no-expectation" };
    return { r, scenario, judgement };
  });
  const outcomeText = rows.map(({ r, scenario }) => describeOutcome(r, scenario));
  const expectedText = rows.map(({ judgement, scenario }) => {
    if (!scenario || !judgement.expected) return "";
    if (judgement.verdict === "measurement") return `numbers · ${judgement.expected.confidence}`;
    return `${describeExpectation(judgement, scenario)} · ${judgement.expected.confidence}`;
  });
  const w1 = Math.max(7, ...outcomeText.map((t) => t.length)) + 2;
  const w2 = Math.max(8, ...expectedText.map((t) => t.length)) + 2;
  const indent = " ".repeat(3 + w1 + w2);
  const verdicts = rows.map((row) => row.judgement.verdict);
  const lines = [answer(result, verdicts, paint), ...header(result, paint), ""];
  lines.push(paint("dim", `   ${pad("outcome", w1)}${pad(`expected (${os})`, w2)}scenario`));
  let section;
  rows.forEach(({ r, scenario, judgement }, i) => {
    const heading = scenario?.section ?? "Custom scenarios";
    if (heading !== section) {
      section = heading;
      lines.push(paint("bold", heading));
    }
    const { mark, style } = r.outcome === "unsupported" ? { mark: "·", style: "dim" } : MARKS[judgement.verdict];
    lines.push(
      ` ${paint(style, mark)} ${pad(outcomeText[i], w1)}${pad(expectedText[i], w2)}${scenario?.title ?? r.id}`
    );
    const detail = r.cause ? `not measured: ${r.cause}` : r.reason ?? (r.metrics ? describeMetrics(r.metrics) : void 0);
    lines.push(paint("dim", `${indent}${r.id}${detail ? ` — ${detail}` : ""}`));
  });
  lines.push("", ...summary(verdicts, result, paint));
  return lines.join("\n");
}
function header(result, paint) {
  const p = result.platform;
  const facts = [
    p.python ? `python ${p.python.version}` : "no python",
    `node ${p.node.version}`,
    ...Object.entries(p.settings).map(([k, v]) => `${k} ${v}`)
  ];
  const runner = p.runner?.image ? ` · runner ${p.runner.image} ${p.runner.imageVersion ?? ""}`.trimEnd() : "";
  return [
    paint("bold", `bind-probe ${result.tool.version} on ${p.id}`) + ` — ${p.distro ?? p.platform}, kernel ${p.release}${runner}`,
    paint("dim", facts.join(" · "))
  ];
}
var AT_ANY_STEP = /* @__PURE__ */ new Set(["ok", "unsupported", "skipped", "probe-error"]);
function describeOutcome(r, scenario) {
  if (r.outcome === "unsupported") return "not on this OS";
  const top = r.counts[0];
  const flaky = r.flaky && top ? ` (${top.count}/${r.runs}, flaky)` : "";
  const atStep = scenario && !AT_ANY_STEP.has(r.outcome) && r.step !== recordedStep(scenario) ? ` at ${r.step}` : "";
  return `${r.outcome}${atStep}${flaky}`;
}
function answer(result, verdicts, paint) {
  const headline = result.scenarios.find((s) => s.id === HEADLINE_SCENARIO);
  const id = result.platform.id;
  const reuse = headline === void 0 || headline.outcome === "skipped" || headline.outcome === "probe-error" ? `the 2008 case (two SO_REUSEADDR sockets on one 0.0.0.0 port) was not measured on ${id}` : headline.outcome === "ok" ? `on ${id} two SO_REUSEADDR sockets may bind one port on 0.0.0.0 (the 2008 case: ok)` : `on ${id} a second SO_REUSEADDR socket on a 0.0.0.0 port gets ${headline.outcome} (the 2008 case)`;
  const differ = verdicts.filter((v) => v === "diverges").length;
  const verdict = differ > 0 ? paint(
    "red",
    `${plural(differ, "scenario differs", "scenarios differ")} from the documented behaviour`
  ) : paint("green", "everything measured matches the documented behaviour");
  return `${reuse[0].toUpperCase()}${reuse.slice(1)}; ${verdict}.`;
}
var SUMMARY_WORDS = [
  ["diverges", "differs from the documented behaviour", "differ from the documented behaviour"],
  [
    "refuted",
    "differs from an inferred or earlier result",
    "differ from inferred or earlier results"
  ],
  ["matches", "as documented", "as documented"],
  ["confirmed", "as inferred or measured before", "as inferred or measured before"],
  ["settled", "answers an open question", "answer open questions"],
  ["measurement", "port-number measurement", "port-number measurements"],
  ["not-measured", "not measured", "not measured"]
];
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function summary(verdicts, result, paint) {
  const count = (v) => verdicts.filter((x) => x === v).length;
  const total = result.scenarios.length;
  const present = SUMMARY_WORDS.filter(([v]) => count(v) > 0);
  const parts = present.length === 1 && count(present[0][0]) === total && present[0][0] === "matches" ? ["all as documented"] : present.map(([v, one, many]) => plural(count(v), one, many));
  const flaky = result.scenarios.filter((s) => s.flaky).length;
  if (flaky) parts.push(`${flaky} flaky`);
  const unsupported = result.scenarios.filter((s) => s.outcome === "unsupported").length;
  if (unsupported) parts.push(`${unsupported} use an option this OS lacks`);
  const cutShort = result.scenarios.some((s) => s.runs < result.options.repeat);
  const raw = result.scenarios.find((s) => s.raw && s.outcome !== "ok");
  const runs = result.options.repeat > 1 ? `, ${cutShort ? "up to " : ""}${result.options.repeat} runs each` : "";
  const causes = /* @__PURE__ */ new Map();
  for (const s of result.scenarios) {
    if (s.cause) causes.set(s.cause, (causes.get(s.cause) ?? 0) + 1);
  }
  const hostLines = [...causes].map(
    ([cause, n]) => `Not measured on this host: ${CAUSE_WORDS[cause]} (${cause}): ${plural(n, "scenario", "scenarios")}.`
  );
  return [
    ...hostLines.map((line) => paint("yellow", line)),
    `${plural(total, "scenario", "scenarios")} in ${(result.durationMs / 1e3).toFixed(2)} s${runs}: ${parts.join(", ")}`,
    paint(
      "dim",
      `✓ as expected  ✗ differs from the documented behaviour  ! differs from an inferred or earlier result  ? answers an open question  # numbers  · not on this OS  - not measured` + (raw ? `   (raw codes are in --format json, e.g. ${rawCode(raw.raw)})` : "")
    )
  ];
}

// src/cli/probe-command.ts
var PROBE_HELP = `Usage: bind-probe probe [options]

Runs the bind() scenario catalogue on this machine with real sockets.

Options:
  --format table|json   table (default) or the PlatformResult JSON on stdout
  --out FILE            also write the PlatformResult JSON to FILE (checked before the
                        probe runs; if the write still fails, the JSON goes to stdout)
  --only ID,...         run only these scenarios (see \`bind-probe list\`); may be repeated
  --repeat N            run each scenario N times on fresh ports (default 1)
  --driver python|node  only this driver (default: both; python fails if Python is missing)
  --label NAME          refine the platform id, e.g. linux-x64-NAME
  --timeout SECONDS     give up on the whole probe after this long
                        (default 120, plus 10 per extra repeat, at most 3600)

Environment:
  BIND_PROBE_PYTHON     the Python to use: a path (spaces allowed) or a command such as "py -3";
                        when it names no Python, the probe exits 1 instead of skipping

Exit status: 0 when every scenario was measured (or skipped for want of Python),
  1 when the probe itself failed in some (probe-error: a driver crash or a timeout; the result
  is still printed), --out could not be written, or the Python asked for (--driver python,
  BIND_PROBE_PYTHON) is not there, 2 on a usage error.
`;
async function probeCommand(argv, io) {
  const { values } = parseArgs2({
    args: negativeNumbersJoined(argv, ["--repeat", "--timeout"]),
    options: {
      format: { type: "string", default: "table" },
      out: { type: "string" },
      only: { type: "string", multiple: true },
      repeat: { type: "string", default: "1" },
      driver: { type: "string" },
      label: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) {
    io.stdout.write(PROBE_HELP);
    return 0;
  }
  if (values.format !== "table" && values.format !== "json") {
    throw new UsageError(`--format must be table or json, not "${values.format}"`);
  }
  const repeat = wholeNumber(values.repeat, "--repeat", 1, 1e3);
  const timeout = values.timeout === void 0 ? void 0 : wholeNumber(values.timeout, "--timeout", 1, 3600);
  const drivers = values.driver === void 0 ? void 0 : [driverName(values.driver)];
  const only2 = values.only?.flatMap((list) => list.split(",")).map((id) => id.trim()).filter(Boolean);
  if (only2?.length === 0) {
    throw new UsageError(
      "--only names no scenario; give ids such as --only tcp4-dup-loopback-default (`bind-probe list` shows them)"
    );
  }
  if (values.out !== void 0) checkOutPath(values.out);
  const progress = io.stderr.isTTY ? (done, total, id) => io.stderr.write(`\r\x1B[2K[${done}/${total}] ${id}`) : void 0;
  const result = await probe({
    ...process.env.BIND_PROBE_PYTHON?.trim() ? { pythonNamedBy: "BIND_PROBE_PYTHON" } : {},
    repeat,
    ...timeout ? { globalTimeoutMs: timeout * 1e3 } : {},
    ...drivers ? { drivers } : {},
    ...only2 ? { only: only2 } : {},
    ...values.label ? { label: values.label } : {},
    ...progress ? { onProgress: progress } : {},
    onWarning: (message) => io.stderr.write(`bind-probe: warning: ${message}
`)
  }).catch((error) => {
    if (error instanceof ProbeSetupError) throw new CommandFailure(error.message);
    throw error;
  });
  if (progress) io.stderr.write("\r\x1B[2K");
  else if (values.format === "json") {
    const n = result.scenarios.length;
    io.stderr.write(
      `bind-probe: ran ${n} scenario${n === 1 ? "" : "s"} in ${result.durationMs} ms
`
    );
  }
  const json = `${JSON.stringify(result, null, 2)}
`;
  if (values.out !== void 0) {
    try {
      await writeFile(values.out, json);
    } catch (error) {
      io.stdout.write(json);
      io.stderr.write(
        `bind-probe probe: could not write --out ${values.out}: ${error.message}; printed the result JSON on stdout instead
`
      );
      return 1;
    }
  }
  if (values.format === "json") io.stdout.write(json);
  else {
    const byId = new Map(CATALOGUE.map((s) => [s.id, s]));
    io.stdout.write(`${renderTable(result, byId, painter(io.stdout))}
`);
  }
  const failed = result.scenarios.filter((s) => s.counts.some((c) => c.outcome === "probe-error"));
  if (failed.length > 0) {
    io.stderr.write(
      `bind-probe: warning: ${failed.length} of ${result.scenarios.length} scenarios hit probe errors (the probe’s own failures, not answers of the OS; see their reason); exit status 1
`
    );
    return 1;
  }
  return 0;
}
function negativeNumbersJoined(argv, flags) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (flags.includes(argv[i]) && next !== void 0 && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}
function wholeNumber(text, flag, min, max) {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${text}"`);
  }
  return n;
}
function driverName(text) {
  if (text !== "python" && text !== "node") {
    throw new UsageError(`--driver must be python or node, not "${text}"`);
  }
  return text;
}

// src/cli/report-command.ts
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { writeFile as writeFile2 } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs as parseArgs3 } from "node:util";
var REPORT_HELP = `Usage: bind-probe report [options] PATH...

Merges probe results into one report, judges it by the policy and prints it, as the action's
report job does (without GitHub). Each PATH is a result file (bind-probe probe --out FILE), a leg
bundle directory (an artifact of the action, as \`gh run download\` leaves it), or a directory of
either; below a directory, a folder holding result.json is one leg (scan.json beside it is its
scan), found up to 4 levels down. Run it from the repository's root: the policy's template paths are read from there.

Options:
  --format summary|comment|json  the job summary (default), the pull-request comment, or the
                                 Report with the verdict as JSON
  --config FILE    the policy (default: .github/bind-probe.yml when it exists)
  --key KEY        the comment key whose artifacts to read (default: the policy's)
  --template FILE  a Handlebars template for the chosen Markdown format (default: the policy's)
  --out FILE       also write the output to FILE
  --no-gate        exit 0 whatever the policy concludes

Exit status: 0 when the policy passes, 1 when it fails or --out cannot be written, 2 on bad input.
`;
var DEFAULT_POLICY = ".github/bind-probe.yml";
var BUNDLE_FILES = /* @__PURE__ */ new Set([RESULT_FILE, SCAN_FILE, META_FILE]);
async function reportCommand(argv, io) {
  const { values, positionals } = parseArgs3({
    args: argv,
    options: {
      format: { type: "string", default: "summary" },
      config: { type: "string" },
      key: { type: "string" },
      template: { type: "string" },
      out: { type: "string" },
      "no-gate": { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  const format = values.format;
  if (format !== "summary" && format !== "comment" && format !== "json") {
    throw new UsageError(`--format must be summary, comment or json, not "${format}"`);
  }
  if (format === "json" && values.template !== void 0) {
    throw new UsageError("--template renders Markdown; it does not go with --format json");
  }
  if (!positionals.length) {
    throw new UsageError(
      "name the results to report on, e.g. `bind-probe report linux.json` or the directory `gh run download` wrote"
    );
  }
  if (values.out !== void 0) checkOutPath(values.out);
  const warn = (message) => io.stderr.write(printable(`bind-probe report: ${message}
`));
  const config = readPolicy(values.config);
  const key = values.key ?? config.comment.key;
  try {
    assertCommentKey(key);
  } catch (error) {
    throw new UsageError(`--key: ${error.message}`);
  }
  const template = format === "json" ? void 0 : values.template !== void 0 ? readTemplate(values.template) : policyTemplate(config[format].template, warn);
  const all = { legs: [], problems: [], notes: [] };
  for (const path of positionals) await collectAt(path, key, all, warn);
  const found = {
    legs: uniqueBy(all.legs, (leg) => leg.where),
    problems: uniqueBy(all.problems, (p) => `${p.artifact}\0${p.message}`),
    notes: [...new Set(all.notes)]
  };
  if (!found.legs.length && !found.problems.length) {
    throw new UsageError(
      `no result files in ${positionals.join(", ")}: give .json files or the directories of leg bundles`
    );
  }
  const scans = readLegScans(found.legs.filter((leg) => leg.bundle));
  const report = buildReport({
    artifacts: found.legs.map((leg) => ({ name: leg.source, content: leg.result })),
    artifactProblems: [...found.problems, ...scans.problems],
    policy: config,
    findings: scans.findings,
    notes: [...found.notes, ...scans.notes]
  });
  for (const problem of report.artifacts) {
    warn(`${problem.artifact} was set aside: ${problem.message}`);
  }
  const verdict = evaluatePolicy(report, config);
  let output;
  try {
    output = format === "json" ? `${JSON.stringify({ ...report, verdict }, null, 2)}
` : format === "comment" ? renderComment(report, { verdict, key, ...template ? { template } : {} }) : renderSummary(report, { verdict, ...template ? { template } : {} });
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout.write(format === "json" ? output : printable(output));
  if (values.out !== void 0) {
    try {
      await writeFile2(values.out, output);
    } catch (error) {
      throw new UsageError(`--out ${values.out}: ${error.message}`);
    }
  }
  warn(`${verdict.conclusion}: ${verdict.summary}`);
  return verdict.conclusion === "failure" && !values["no-gate"] ? 1 : 0;
}
function readPolicy(path, root = ".") {
  const found = join(root, DEFAULT_POLICY);
  const file = path ?? (existsSync(found) ? found : void 0);
  if (file === void 0) return DEFAULT_CONFIG;
  try {
    return loadConfig(readText(file, "policy"), file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
function readTemplate(path) {
  return { name: path, source: readText(path, "template") };
}
function policyTemplate(path, warn) {
  if (path === void 0) return void 0;
  if (!existsSync(path)) {
    warn(`template ${path} (from the policy) was not found here; the built-in one is used`);
    return void 0;
  }
  return readTemplate(path);
}
function readText(path, what) {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${error.message}`);
  }
}
async function collectAt(path, key, found, warn) {
  const stat2 = statSync(path, { throwIfNoEntry: false });
  if (!stat2) throw new UsageError(`${path}: no such file or directory`);
  if (!stat2.isDirectory()) {
    addFile(path, found, { explicit: true, warn });
    return;
  }
  if (existsSync(join(path, RESULT_FILE))) await addBundle(path, key, found);
  const transport = new DirectoryTransport(path);
  const collected = await collectLegs(transport, key);
  found.legs.push(
    ...collected.legs.map((leg) => legOf(leg.artifact, leg.files, resolve(path, leg.artifact)))
  );
  found.problems.push(...collected.problems);
  found.notes.push(...collected.notes);
  const entries = readdirSync(path, { withFileTypes: true }).sort(
    (a, b) => a.name.localeCompare(b.name)
  );
  const otherKeys = entries.filter(
    (e) => isA("directory", path, e) && e.name.startsWith("bind-probe-result-") && parseResultArtifactName(key, e.name) === void 0
  );
  if (otherKeys.length) {
    warn(
      `left out ${otherKeys.length} artifact(s) of another comment key in ${path} (${otherKeys.slice(0, 3).map((e) => e.name).join(", ")}${otherKeys.length > 3 ? ", …" : ""}); --key names the key to report on`
    );
  }
  addLooseFiles(path, entries, found, warn);
  await collectLegFolders(path, key, found, warn, 1, /* @__PURE__ */ new Set([realpathSync(path)]));
}
var MAX_FOLDER_DEPTH = 4;
async function collectLegFolders(dir, key, found, warn, depth, seen) {
  const folders = readdirSync(dir, { withFileTypes: true }).filter(
    (e) => isA("directory", dir, e) && !e.name.startsWith(".") && e.name !== "node_modules" && !e.name.startsWith("bind-probe-result-")
  ).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of folders) {
    const folder = join(dir, entry.name);
    const real = realpathSync(folder);
    if (seen.has(real)) continue;
    seen.add(real);
    if (found.legs.length >= MAX_BUNDLES) {
      warn(`read ${MAX_BUNDLES} legs; the folders from ${folder} on were not read`);
      return;
    }
    if (existsSync(join(folder, RESULT_FILE))) {
      await addBundle(folder, key, found);
      continue;
    }
    const entries = readdirSync(folder, { withFileTypes: true }).sort(
      (a, b) => a.name.localeCompare(b.name)
    );
    addLooseFiles(folder, entries, found, warn, { quiet: true });
    if (depth < MAX_FOLDER_DEPTH) {
      await collectLegFolders(folder, key, found, warn, depth + 1, seen);
    }
  }
}
function addLooseFiles(dir, entries, found, warn, { quiet = false } = {}) {
  const passOver = quiet ? () => {
  } : warn;
  const files = entries.filter(
    (e) => e.name.endsWith(".json") && !BUNDLE_FILES.has(e.name) && isA("file", dir, e)
  );
  for (const entry of files.slice(0, MAX_BUNDLES)) {
    addFile(join(dir, entry.name), found, { explicit: false, warn: passOver });
  }
  if (files.length > MAX_BUNDLES) {
    warn(
      `read the first ${MAX_BUNDLES} .json files in ${dir}; ${files.length - MAX_BUNDLES} more were not read`
    );
  }
}
function addFile(path, found, { explicit, warn }) {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    found.problems.push({
      artifact: path,
      message: `it is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a result file`
    });
    return;
  }
  const text = readText(path, "result");
  if (!explicit && !looksLikeResult(text)) {
    warn(
      `${path} is not a bind-probe result (name it on the command line to have it checked); passed over`
    );
    return;
  }
  found.legs.push({ source: path, result: text, bundle: false, where: resolve(path) });
}
function looksLikeResult(text) {
  try {
    const value = parseJsonText(text);
    return typeof value === "object" && value !== null && "platform" in value;
  } catch {
    return false;
  }
}
async function addBundle(given, key, found) {
  const dir = resolve(given);
  const name = basename(dir);
  if (parseResultArtifactName(key, name) !== void 0) {
    const collected = await collectLegs(only(new DirectoryTransport(dirname(dir)), name), key);
    found.legs.push(...collected.legs.map((leg) => legOf(leg.artifact, leg.files, dir)));
    found.problems.push(...collected.problems);
    found.notes.push(...collected.notes);
    found.notes.push(...collected.notes);
    return;
  }
  const files = /* @__PURE__ */ new Map();
  for (const file of [RESULT_FILE, SCAN_FILE]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      found.problems.push({
        artifact: name,
        message: `${file} is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit for a result file`
      });
      return;
    }
    files.set(file, readText(path, "result"));
  }
  found.legs.push(legOf(name, files, dir));
}
function only(transport, name) {
  return {
    upload: (n, files) => transport.upload(n, files),
    downloadAll: (options) => transport.downloadAll({ ...options, accept: (n) => n === name && options.accept(n) })
  };
}
function legOf(name, files, where) {
  const scan2 = files.get(SCAN_FILE);
  return {
    source: name,
    result: files.get(RESULT_FILE),
    bundle: true,
    where,
    ...scan2 === void 0 ? {} : { scan: scan2 }
  };
}
function uniqueBy(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

// src/cli/scan-command.ts
import { existsSync as existsSync2 } from "node:fs";
import { stat, writeFile as writeFile3 } from "node:fs/promises";
import { relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
import { parseArgs as parseArgs4 } from "node:util";

// src/cli/scan-root.ts
import { execFile } from "node:child_process";
import { statSync as statSync2 } from "node:fs";
import { dirname as dirname2, isAbsolute, relative, resolve as resolve2, sep } from "node:path";
import { promisify } from "node:util";
var run = promisify(execFile);
function isInside(dir, path) {
  const rel = relative(resolve2(dir), resolve2(path));
  return rel === "" || rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
function folderOf(path) {
  const abs = resolve2(path);
  return statSync2(abs, { throwIfNoEntry: false })?.isDirectory() ? abs : dirname2(abs);
}
async function repositoryOf(folder) {
  try {
    const { stdout } = await run("git", ["-C", folder, "rev-parse", "--show-toplevel"]);
    return stdout.trim() || void 0;
  } catch {
    return void 0;
  }
}
function commonFolder(folders) {
  let common = folders[0];
  while (!folders.every((f) => isInside(common, f))) common = dirname2(common);
  return common;
}
async function inferRoot(paths) {
  if (paths.every((p) => isInside(".", p))) return ".";
  const folders = paths.map(folderOf);
  const repository = await repositoryOf(folders[0]);
  if (repository && folders.every((f) => isInside(repository, f))) return repository;
  return commonFolder(folders);
}
function displayPath(root, path, typed) {
  const abs = resolve2(root, path);
  if (typed.some((p) => isAbsolute(p))) return abs;
  return relative(".", abs) || ".";
}

// src/cli/scan-command.ts
var SCAN_HELP = `Usage: bind-probe scan [options] [PATH...]

Flags flaky port use (fixed ports in tests, free-port races, SO_REUSEADDR/SO_REUSEPORT in tests,
localhost IPv4/IPv6 mismatches, rebinding a closed fixed port, serving before listening) in
Python, JavaScript/TypeScript, Go, Java, Kotlin, C#, Rust and C/C++ files, and fixed host ports in
the tests' compose files. PATHs default to ".".

Options:
  --format text|json|sarif  text (default), JSON {findings, ...} or SARIF 2.1.0 on stdout
  --out FILE                also write the JSON or SARIF output to FILE
  --diff-base REF           report only lines changed since the merge base with REF (needs history)
  --config FILE             the policy (default: .github/bind-probe.yml of the scanned repository,
                            when it exists): its scan settings and its fail-on: findings
  --no-config               use the default policy, whatever the repository has
  --root DIR                root that PATHs and findings are relative to (default: the current
                            directory, or the repository of a PATH outside it)
  --fail-on LEVEL           exit 1 when a finding is at least error|warning|note; never (default:
                            the policy's fail-on: findings, else error)
  --ignore GLOB             skip matching files (repeatable), e.g. --ignore 'vendor/**'
  --allow-helper NAME       trust a port helper, e.g. a coordinated allocator (repeatable)
  --disable RULE,...        switch rules off (${RULE_IDS.join(", ")})
  --max-file-bytes N        skip files larger than N bytes (default 1048576)
  --check-grammars          load every grammar, report which load, and exit

Exit status: 1 exactly when the action's gate would fail on these findings (one reaches
  --fail-on, and the policy's mode is not warn) or the scan cannot do its work (--out cannot be
  written); 0 otherwise; 2 on a usage error or a policy that cannot be used.
`;
var RANK = { note: 1, warning: 2, error: 3 };
async function scanCommand(argv, io) {
  const { values, positionals } = parseArgs4({
    args: argv,
    options: {
      format: { type: "string", default: "text" },
      out: { type: "string" },
      "diff-base": { type: "string" },
      root: { type: "string" },
      "fail-on": { type: "string" },
      config: { type: "string" },
      "no-config": { type: "boolean" },
      ignore: { type: "string", multiple: true },
      "allow-helper": { type: "string", multiple: true },
      disable: { type: "string" },
      "max-file-bytes": { type: "string" },
      "check-grammars": { type: "boolean" },
      help: { type: "boolean", short: "h" }
    },
    strict: true,
    allowPositionals: true
  });
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  if (values["check-grammars"]) return grammarReport(await checkGrammars(), io);
  const format = values.format;
  if (format !== "text" && format !== "json" && format !== "sarif") {
    throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
  }
  const failOnFlag = values["fail-on"];
  if (failOnFlag !== void 0 && failOnFlag !== "never" && !(failOnFlag in RANK)) {
    throw new UsageError(`--fail-on must be error, warning, note or never, not "${failOnFlag}"`);
  }
  if (values.config !== void 0 && values["no-config"]) {
    throw new UsageError("--config and --no-config cannot be used together");
  }
  const explicitRoot = values.root;
  if (explicitRoot !== void 0 && !await isDirectory(explicitRoot)) {
    throw new UsageError(`root ${explicitRoot} not found`);
  }
  const base = explicitRoot ?? ".";
  const missing = positionals.filter((p) => !existsSync2(resolve3(base, p)));
  if (missing.length > 0 && missing.length === positionals.length) {
    throw new UsageError(missing.map((p) => `${p}: no such file or directory`).join("; "));
  }
  const present = positionals.filter((p) => !missing.includes(p));
  let root = explicitRoot ?? await inferRoot(present);
  let paths = explicitRoot === void 0 ? positionals.map((p) => relative2(root, p) || ".") : positionals;
  for (const p of paths) {
    if (!isInside(root, resolve3(root, p))) {
      throw new UsageError(`${p} is outside the root ${root}; pass a --root that contains it`);
    }
  }
  if (values.out !== void 0) checkOutPath(values.out);
  let changes;
  if (values["diff-base"] !== void 0) {
    try {
      const diff = await gitChangedLines(root, values["diff-base"], { untracked: true });
      paths = paths.map((p) => relative2(diff.root, resolve3(root, p)).split(sep2).join("/") || ".");
      if (paths.length === 0 && resolve3(root) !== resolve3(diff.root))
        paths = [relative2(diff.root, resolve3(root)).split(sep2).join("/")];
      root = diff.root;
      changes = diff.changes;
    } catch (error) {
      if (error instanceof GitDiffError) throw new UsageError(error.message);
      throw error;
    }
  }
  const policy = values["no-config"] ? DEFAULT_CONFIG : readPolicy(values.config, root);
  const settings = settingsFrom(values, policy);
  keepHeapSmall();
  const result = await scan({ root, paths, settings, ...changes ? { changes } : {} });
  const json = format === "sarif" ? `${JSON.stringify(toSarif(result.findings, { version: VERSION }), null, 2)}
` : `${JSON.stringify({ version: VERSION, ...result }, null, 2)}
`;
  let outFailure;
  if (values.out) await writeFile3(values.out, json).catch((error) => outFailure = error);
  if (format === "text") {
    const shown = (path) => explicitRoot === void 0 ? displayPath(root, path, positionals) : path;
    io.stdout.write(renderText(result, painter(io.stdout), shown));
  } else io.stdout.write(json);
  if (outFailure !== void 0) {
    throw new CommandFailure(`could not write --out ${values.out}: ${writeFailure(outFailure)}`);
  }
  const findings = failOnFlag ?? policy.failOn.findings;
  const fails = findingsReasons(summariseFindings(result.findings), 0, { findings }).some(
    (r) => r.fails
  );
  return fails && policy.mode !== "warn" ? 1 : 0;
}
async function isDirectory(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
function settingsFrom(values, policy) {
  const raw = {
    ignorePaths: [...policy.scan.ignore, ...values.ignore ?? []],
    allowedHelpers: [...policy.scan.allowedHelpers, ...values["allow-helper"] ?? []],
    disableRules: [
      ...policy.scan.disableRules,
      ...(values.disable ?? "").split(",").map((s) => s.trim().toUpperCase()).filter(Boolean)
    ],
    testPaths: policy.scan.testPaths,
    maxFileBytes: policy.scan.maxFileBytes
  };
  if (values["max-file-bytes"] !== void 0) {
    const text = values["max-file-bytes"];
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      throw new UsageError(`--max-file-bytes takes a positive whole number, not "${text}"`);
    }
    raw.maxFileBytes = Number(text);
  }
  try {
    return checkSettings(raw, "options");
  } catch (error) {
    if (error instanceof SettingsError)
      throw new UsageError(error.message.replace(/^options: /, ""));
    throw error;
  }
}
var LEVEL_STYLE = { error: "red", warning: "yellow", note: "cyan" };
function renderText(result, paint, shown = (path) => path) {
  const text = (value) => printable(value, { oneLine: true });
  const out = [];
  for (const f of result.findings) {
    out.push(
      `${paint("bold", `${text(shown(f.path))}:${f.line}:${f.column}`)}  ${paint(LEVEL_STYLE[f.severity], f.severity)}  ${f.rule} ${paint("dim", ruleInfo(f.rule).name)}`
    );
    out.push(`  ${text(f.message)}`);
    out.push(`  ${paint("green", "fix:")} ${text(f.advice)}`);
    out.push("");
  }
  const counts = ["error", "warning", "note"].map((s) => [s, result.findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n === 1 ? "" : "s"}`);
  const skipped = Object.entries(result.skipped).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
  out.push(
    `${result.findings.length === 0 ? paint("green", "No flaky port use found") : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"} (${counts.join(", ")})`} in ${result.files.scanned} file${result.files.scanned === 1 ? "" : "s"} (${result.files.parsed} parsed)${result.suppressed ? `, ${result.suppressed} suppressed` : ""}${skipped.length ? `; skipped: ${skipped.join(", ")}` : ""} in ${result.durationMs} ms`
  );
  for (const note of result.notes) out.push(paint("yellow", `note: ${text(note)}`));
  return `${out.join("\n")}
`;
}
function grammarReport(statuses, io) {
  const paint = painter(io.stdout);
  for (const s of statuses) {
    const name = languageById(s.language).name.padEnd(11);
    io.stdout.write(
      s.ok ? `${paint("green", "ok  ")} ${name} ABI ${s.abi}
` : `${paint("red", "FAIL")} ${name} ${s.detail}
`
    );
  }
  const failed = statuses.filter((s) => !s.ok).length;
  io.stdout.write(`${LANGUAGES.length - failed} of ${LANGUAGES.length} grammars loaded
`);
  return failed ? 1 : 0;
}

// src/cli/serve-help.ts
var SERVE_HELP = `Usage: bind-probe serve [options]

Runs the reporting service: runners upload each leg's result to POST /api/v1/results,
authenticated by their GitHub Actions OIDC token (no upload secret). Prints
"listening on URL" first on stdout; logs are JSON lines on stderr. Stops on SIGTERM or
SIGINT once the uploads in flight are stored. See docs/service.md.

Options (each also an environment variable; a flag wins):
${SETTINGS.map((s) => `  ${`${s.flag} VALUE`.padEnd(30)} ${s.env}
  ${"".padEnd(30)} ${s.what}`).join("\n")}

Exit status: 0 after a clean stop, 1 when it cannot start (database in use, port taken),
2 on a malformed setting.
`;
var APP_HELP = `Usage: bind-probe app create --public-url URL [options]

Creates the GitHub App the reporting service publishes as, through GitHub's manifest flow:
it prints a page on 127.0.0.1 to open in a browser signed in to GitHub; GitHub sends the
browser back, and the App's private key and settings are written to bind-probe-app.pem and
bind-probe-app.env (mode 0600; never overwritten). See docs/service.md.

Options:
  --public-url URL          the URL runners and GitHub's webhooks reach the service at (required)
  --name NAME               the App's name (default bind-probe; GitHub names must be unique)
  --org ORG                 create it for an organisation (default: the signed-in user)
  --github-server-url URL   GITHUB_SERVER_URL; default https://github.com (GHES: https://HOST)
  --github-api-url URL      GITHUB_API_URL; default https://api.github.com (GHES: https://HOST/api/v3)
  --out DIR                 where to write the two files (default .)
  --port N                  the loopback port of the page (default 0: a free one)

Exit status: 0 once the App is created, 1 when GitHub refuses, 2 on a usage error.
`;

// src/cli/main.ts
var HELP = `Usage: bind-probe <command> [options]

Commands:
  probe   run the bind() scenario catalogue on this machine (try: bind-probe probe --help)
  list    list the scenario catalogue
  report  merge results into one report and judge it by the policy (try: bind-probe report --help)
  scan    flag flaky port use in source code (try: bind-probe scan --help)
  serve   run the reporting service that runners upload results to (try: bind-probe serve --help)
  app     create the service's GitHub App in one step (try: bind-probe app create --help)

Options:
  --version  print the version
  --help     print this help
`;
var COMMANDS = {
  probe: { run: probeCommand, help: PROBE_HELP },
  list: { run: listCommand, help: LIST_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  scan: { run: scanCommand, help: SCAN_HELP },
  // Loaded on use: the service's dependencies are large and the other commands never need them.
  serve: lazy(SERVE_HELP, async () => (await import("./serve-command-QLINZBEW.js")).serveCommand),
  app: lazy(APP_HELP, async () => (await import("./app-command-E5MNAFZM.js")).appCommand)
};
function lazy(help, load) {
  return {
    run: async (argv, io) => {
      if (argv.includes("--help") || argv.includes("-h")) {
        io.stdout.write(help);
        return 0;
      }
      return (await load())(argv, io);
    },
    help
  };
}
async function main(argv, io = process) {
  const written = watchOutput(io.stdout);
  watchOutput(io.stderr);
  const [command, ...rest] = argv;
  const status = await run2(command, rest, io);
  const failure = await written();
  if (!failure || isClosedPipe(failure)) return status;
  const name = command && COMMANDS[command] ? ` ${command}` : "";
  io.stderr.write(`bind-probe${name}: could not write the output: ${writeFailure(failure)}
`);
  return 1;
}
async function run2(command, rest, io) {
  if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(HELP);
    return command === void 0 ? 2 : 0;
  }
  if (command === "--version") {
    io.stdout.write(`${VERSION}
`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr.write(
      `bind-probe: unknown command "${printable(command, { oneLine: true })}"; run \`bind-probe --help\` for the list
`
    );
    return 2;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (isUsageProblem(error)) {
      const hint = error instanceof TypeError ? `; run \`bind-probe ${command} --help\`` : "";
      io.stderr.write(
        printable(`bind-probe ${command}: ${usageMessage(error, rest)}${hint}
`)
      );
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.stderr.write(printable(`bind-probe ${command}: ${error.message}
`));
      return 1;
    }
    io.stderr.write(
      printable(`bind-probe ${command}: error: ${error?.stack ?? String(error)}
`)
    );
    return 1;
  }
}
function isUsageProblem(error) {
  return error instanceof UsageError || error instanceof ProbeUsageError || error instanceof ScenarioError || // node:util parseArgs reports unknown or malformed options with these codes.
  error instanceof TypeError && String(error.code).startsWith("ERR_PARSE_ARGS");
}
function usageMessage(error, argv) {
  const ambiguous = /^Option '(-[^']+)' argument is ambiguous/.exec(error.message)?.[1];
  if (ambiguous) {
    const given = argv[argv.indexOf(ambiguous) + 1];
    const value = given && !/token|secret|key/i.test(ambiguous) && !given.includes("\n") && given.length <= 80 ? given : "VALUE";
    return `${ambiguous} needs a value; one that starts with a dash is written ${ambiguous}=${value}`;
  }
  return error.message;
}
if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}
export {
  main
};
