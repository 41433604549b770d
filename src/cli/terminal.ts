// Terminal styling that switches itself off where colour does not belong (pipes, NO_COLOR).
import { styleText } from 'node:util'

export type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'

export interface Painter {
  (style: Style, text: string): string
}

export function painter(stream: { isTTY?: boolean }, env = process.env): Painter {
  const colour = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb'
  return colour ? (style, text) => styleText(style, text) : (_style, text) => text
}

export const plain: Painter = (_style, text) => text

/** Pads to a display width; all our text is single-width characters. */
export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`
}
