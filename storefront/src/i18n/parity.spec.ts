import { describe, expect, it } from 'vitest'
import { initialLocale, LOCALES } from './index'

// Every message file of every part (common, store, admin, …), per language.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.ts', { eager: true })

function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix]
  return Object.entries(messages).flatMap(([name, value]) => keys(value, prefix ? `${prefix}.${name}` : name))
}

function part(locale: string, name: string) {
  return files[`./locales/${locale}/${name}.ts`]?.default
}

const parts = [...new Set(Object.keys(files).map((path) => path.split('/')[3].replace(/\.ts$/, '')))]

describe('messages', () => {
  it('exist for every part in every language', () => {
    expect(parts).toEqual(expect.arrayContaining(['common', 'store']))
    for (const name of parts) for (const locale of LOCALES) expect(part(locale, name), `${locale}/${name}.ts`).toBeDefined()
  })

  it.each(parts)('of %s have the same keys in zh-CN and en', (name) => {
    const zh = keys(part('zh-CN', name)).sort()
    const en = keys(part('en', name)).sort()
    expect(zh.filter((key) => !en.includes(key)), 'in zh-CN only').toEqual([])
    expect(en.filter((key) => !zh.includes(key)), 'in en only').toEqual([])
  })

  it.each(parts)('of %s are never empty and use the same placeholders in both languages', (name) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
    const lookup = (messages: unknown, key: string) =>
      key.split('.').reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], messages)
    for (const key of keys(part('en', name))) {
      const en = String(lookup(part('en', name), key))
      const zh = String(lookup(part('zh-CN', name), key))
      expect(en.trim(), `en ${key}`).not.toBe('')
      expect(zh.trim(), `zh-CN ${key}`).not.toBe('')
      expect(new Set(placeholders(zh)), `placeholders of ${key}`).toEqual(new Set(placeholders(en)))
      expect(zh.split('|').length, `plural forms of ${key}`).toBe(en.split('|').length)
    }
  })

  it('keys of different parts never collide', () => {
    const seen = new Map<string, string>()
    for (const name of parts) {
      for (const top of Object.keys(part('en', name) ?? {})) {
        expect(seen.get(top), `top-level key ${top} of ${name}`).toBeUndefined()
        seen.set(top, name)
      }
    }
  })
})

describe('the first language', () => {
  it('is the remembered one', () => expect(initialLocale('en', ['zh-CN'])).toBe('en'))
  it("follows the browser's languages", () => {
    expect(initialLocale(null, ['en-GB', 'zh-CN'])).toBe('en')
    expect(initialLocale(null, ['zh-TW'])).toBe('zh-CN')
    expect(initialLocale(null, ['fr-FR', 'en-US'])).toBe('en')
  })
  it('is Chinese when nothing else is known', () => expect(initialLocale('de', ['fr-FR'])).toBe('zh-CN'))
})
