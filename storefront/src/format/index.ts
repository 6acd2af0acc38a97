import type { Money } from '@/api/types'

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(locale: string, currency: string) {
  const key = `${locale}|${currency}`
  let format = moneyFormats.get(key)
  if (!format) {
    // narrowSymbol: ¥45.00 in both languages (en would otherwise write CN¥45.00).
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    moneyFormats.set(key, format)
  }
  return format
}

/** Minor units per major unit of the currency: 100 for CNY, 1 for JPY. */
export function minorUnits(currency: string): number {
  return 10 ** (moneyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2)
}

export function formatMoney(money: Money | null | undefined, locale: string): string {
  if (!money) return ''
  return moneyFormat(locale, money.currency).format(money.amount / minorUnits(money.currency))
}

/**
 * An amount typed in major units ("45", "45.8", "45.80" yuan) in minor units (4500, 4580 fen), or null
 * when it is not such an amount: digits, at most the currency's decimals, no sign or exponent. Read
 * digit by digit, so no binary fraction rounds it.
 */
export function parseMajor(text: string, currency = 'CNY'): number | null {
  const units = minorUnits(currency)
  const decimals = Math.round(Math.log10(units))
  const match = (decimals > 0 ? new RegExp(`^(\\d+)(?:\\.(\\d{1,${decimals}}))?$`) : /^(\d+)()$/).exec(text.trim())
  if (!match) return null
  const amount = Number(match[1]) * units + Number((match[2] ?? '').padEnd(decimals, '0') || 0)
  return Number.isSafeInteger(amount) ? amount : null
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
}

/** A phone number as an order's shipping address takes it (order-service checks the same). */
export const PHONE = /^\+?[0-9 ()-]{5,30}$/

export type IsbnProblem = 'length' | 'characters' | 'prefix' | 'checksum'

/**
 * What is wrong with an ISBN as typed, or null when it is valid: 13 digits starting 978 or 979, or 10
 * digits whose last may be X, each with its check digit (hyphens and spaces ignored), as the
 * catalogue checks them.
 */
export function isbnProblem(text: string): IsbnProblem | null {
  const compact = text.replace(/[-\s]/g, '').toUpperCase()
  if (!/^\d*X?$/.test(compact)) return 'characters'
  if (compact.length === 10) {
    let sum = 0
    for (let i = 0; i < 10; i++) sum += (compact[i] === 'X' ? 10 : Number(compact[i])) * (10 - i)
    return compact.indexOf('X') >= 0 && compact.indexOf('X') !== 9 ? 'characters' : sum % 11 === 0 ? null : 'checksum'
  }
  if (compact.length !== 13 || compact.includes('X')) return 'length'
  if (!compact.startsWith('978') && !compact.startsWith('979')) return 'prefix'
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(compact[i]) * (i % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10 === Number(compact[12]) ? null : 'checksum'
}
