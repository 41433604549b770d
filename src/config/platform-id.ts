// Platform ids (`linux-x64`, `macos-arm64-bindv6only`) as policies and inputs name them. The
// commonest mistake is a runner label in their place (`ubuntu-latest`), which would never match a
// result and so would read as a platform that never reported.
const PLATFORM_ID = /^[a-z0-9]+-[a-z0-9]+(-[a-z0-9][a-z0-9.-]*)?$/

const RUNNER_LABEL = /^(ubuntu|macos|windows)-(latest|\d[\d.]*)(-[a-z0-9-]+)?$/

const OS_OF_LABEL: Record<string, string> = { ubuntu: 'linux', macos: 'macos', windows: 'windows' }

/** What is wrong with a platform id, with what to write instead; undefined when it is fine. */
export function platformIdProblem(id: string): string | undefined {
  const label = RUNNER_LABEL.exec(id)
  if (label) {
    const os = OS_OF_LABEL[label[1]!]!
    return `"${id}" is a runner label, not a platform id; platform ids name the OS and architecture the probe found, such as ${os}-x64 or ${os}-arm64`
  }
  if (!PLATFORM_ID.test(id)) {
    const lower = id.toLowerCase()
    const hint = PLATFORM_ID.test(lower) ? `; did you mean "${lower}"?` : ''
    return `"${id}" is not a platform id (lower-case OS-architecture, such as linux-x64, with an optional -label)${hint}`
  }
  return undefined
}
