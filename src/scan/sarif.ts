// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): every rule with its
// metadata, relative URIs, a full region and partialFingerprints on each result. Checked against
// the OASIS schema in test/scan/sarif.test.ts.
import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { Finding, Severity } from './finding.ts'
import { LANGUAGES } from './languages.ts'
import { RULES } from './rules/catalogue.ts'

export interface SarifOptions {
  /** The tool's version, semver. */
  version: string
  /** Where users read about the tool (an absolute URI). */
  informationUri?: string
  /** Analysis category, for more than one upload per commit: becomes automationDetails.id. */
  category?: string
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  note: 'recommendation',
}

function descriptor(rule: (typeof RULES)[number]): ReportingDescriptor {
  const advice = LANGUAGES.filter(
    (l, i, all) => all.findIndex((o) => o.family === l.family) === i,
  ).map((l) => ({ name: familyName(l.family), text: rule.advice[l.family] }))
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nSafe patterns:\n${advice.map((a) => `- ${a.name}: ${a.text}`).join('\n')}`,
      markdown: `${rule.description}\n\n**Safe patterns**\n\n${advice.map((a) => `- **${a.name}**: ${a.text}`).join('\n')}`,
    },
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ['reliability', 'flaky-test', 'ports'],
      precision: rule.precision,
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
    },
  }
}

function familyName(family: string): string {
  const names: Record<string, string> = {
    python: 'Python',
    js: 'JavaScript/TypeScript',
    go: 'Go',
    java: 'Java',
    kotlin: 'Kotlin',
    csharp: 'C#',
    rust: 'Rust',
    c: 'C/C++',
  }
  return names[family] ?? family
}

/** A repository-relative path as a relative URI reference (each segment percent-encoded). */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

export function toSarif(findings: readonly Finding[], options: SarifOptions): Log {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]))
  const results: Result[] = findings.map((f) => ({
    ruleId: f.rule,
    ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule)! } : {}),
    level: f.severity,
    message: { text: `${f.message} Fix: ${f.advice}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.path) },
          region: {
            startLine: f.line,
            startColumn: f.column,
            endLine: f.endLine ?? f.line,
            endColumn: f.endColumn ?? f.column + 1,
          },
        },
      },
    ],
    partialFingerprints: {
      primaryLocationLineHash: f.fingerprint,
      'bindProbe/v1': f.fingerprint,
    },
  }))
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bind-probe',
            semanticVersion: options.version,
            version: options.version,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: RULES.map(descriptor),
          },
        },
        ...(options.category
          ? {
              automationDetails: {
                id: options.category.endsWith('/') ? options.category : `${options.category}/`,
              },
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}
