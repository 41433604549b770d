/**
 * An http(s) URL without trailing slashes, or undefined when `value` is not one: each caller says
 * what is wrong in its own words (an input, a setting, a flag).
 */
export function httpUrl(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  return url.protocol === 'https:' || url.protocol === 'http:'
    ? value.replace(/\/+$/, '')
    : undefined
}
