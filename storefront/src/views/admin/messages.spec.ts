import { describe, expect, it } from 'vitest'
import en from '@/i18n/locales/en/admin'
import zh from '@/i18n/locales/zh-CN/admin'
import { ACCOUNT_STATUSES, ADJUSTMENT_REASONS, MOVEMENT_KINDS, ORDER_STATUSES, ROLES } from './api'
import { FORMATS, LANGUAGES } from './bookForm'

// Every console source file, to find the message keys it names.
const sources = import.meta.glob<string>(['./**/*.vue', './**/*.ts', '!./**/*.spec.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})

function has(messages: unknown, key: string): boolean {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages)
  return typeof value === 'string' && value.trim() !== ''
}

describe('the console’s messages', () => {
  it('have every key a console file names literally, in both languages', () => {
    const named = new Set<string>()
    for (const text of Object.values(sources)) {
      for (const match of text.matchAll(/['"`](admin\.[A-Za-z0-9_.-]+[A-Za-z0-9_])['"`]/g)) named.add(match[1])
    }
    expect(named.size).toBeGreaterThan(100)
    const missing = [...named].filter((key) => !has(en, key) || !has(zh, key))
    expect(missing).toEqual([])
  })

  it('name every value the API sends that the console translates', () => {
    const keys = [
      ...ORDER_STATUSES.map((s) => `admin.orderStatus.${s}`),
      ...['AWAITING_PAYMENT', 'IN_TRANSIT', 'RECEIVED'].map((s) => `admin.orderStatus.${s}`),
      ...Object.keys(ADJUSTMENT_REASONS).map((r) => `admin.reasons.${r}`),
      ...['decrease', 'increase', 'either'].map((d) => `admin.adjust.direction.${d}`),
      ...MOVEMENT_KINDS.map((k) => `admin.movementKinds.${k}`),
      ...ROLES.map((r) => `admin.roles.${r}`),
      ...ACCOUNT_STATUSES.flatMap((s) => [`admin.accountStatus.${s}`, `admin.customer.statusHint.${s}`]),
      ...['enable', 'disable'].flatMap((a) => [`admin.customer.${a}`, `admin.customer.${a}Title`, `admin.customer.${a}Confirm`, `admin.customer.${a}d`]),
      ...FORMATS.map((f) => `admin.formats.${f}`),
      ...LANGUAGES.map((l) => `admin.languages.${l}`),
      ...['length', 'characters', 'prefix', 'checksum', 'valid10', 'valid13'].map((p) => `admin.isbn.${p}`),
      ...['ACTIVE', 'DISCONTINUED'].map((s) => `admin.bookStatus.${s}`),
    ]
    expect(keys.filter((key) => !has(en, key) || !has(zh, key))).toEqual([])
  })

  it('are all the console’s own, under one top-level key', () => {
    expect(Object.keys(en)).toEqual(['admin'])
    expect(Object.keys(zh)).toEqual(['admin'])
  })
})
