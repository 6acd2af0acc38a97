import { createI18n } from 'vue-i18n'
import enCommon from './locales/en/common'
import enStore from './locales/en/store'
import zhCommon from './locales/zh-CN/common'
import zhStore from './locales/zh-CN/store'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const STORAGE_KEY = 'bookstore.locale'

/** The remembered choice, else the browser's first language we speak, else Chinese. */
export function initialLocale(
  stored: string | null = safeStorage()?.getItem(STORAGE_KEY) ?? null,
  languages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Locale {
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale
  for (const language of languages) {
    const tag = language.toLowerCase()
    if (tag.startsWith('zh')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return 'zh-CN'
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export const messages = {
  'zh-CN': { ...zhCommon, ...zhStore },
  en: { ...enCommon, ...enStore },
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages,
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  safeStorage()?.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}

/** Adds a lazily loaded part's messages (the admin console's), once. */
export function addMessages(parts: Record<Locale, Record<string, unknown>>) {
  for (const locale of LOCALES) i18n.global.mergeLocaleMessage(locale, parts[locale])
}
