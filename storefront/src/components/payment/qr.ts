import { create } from 'qrcode'

/**
 * A QR code drawn in the browser, as one SVG path over a square of modules: nothing leaves the page to
 * draw it, and the content is never markup (only the modules' coordinates reach the DOM).
 */
export interface QrDrawing {
  /** Modules per side, the quiet zone included. */
  size: number
  /** The dark modules, one unit square each. */
  path: string
}

const QUIET_ZONE = 2

export function drawQr(content: string): QrDrawing {
  const modules = create(content, { errorCorrectionLevel: 'M' }).modules
  const squares: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) squares.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: squares.join('') }
}

/** Schemes a payment link may take: the web, and the wallets' own apps (weixin://, alipays://). */
const LINKABLE = ['http:', 'https:', 'weixin:', 'alipays:', 'alipay:']

/** The link itself when the page may lead there, else null (never a javascript: or data: URL). */
export function safeLink(value: string, schemes: readonly string[] = LINKABLE): string | null {
  try {
    return schemes.includes(new URL(value).protocol) ? value : null
  } catch {
    return null
  }
}

/** Only the web: where a button sends the browser itself. */
export const WEB = ['http:', 'https:'] as const
