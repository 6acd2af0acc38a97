// The book form: what the inputs hold, how that becomes the request the catalogue takes, and the
// catalogue's own rules (BookRequest and BookDetails) checked before sending.
import type { Book, BookFormat } from '@/api/types'
import { isbnProblem, minorUnits, parseMajor } from '@/format'
import { i18n } from '@/i18n'
import type { BookRequest } from './api'
import { type Check, checks } from './feedback'

const t = (key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named)

export const CURRENCY = 'CNY'
export const FORMATS: BookFormat[] = ['HARDCOVER', 'PAPERBACK', 'EBOOK', 'AUDIOBOOK']
/** Offered in the language list; any other BCP 47 tag may be typed. */
export const LANGUAGES = ['zh', 'zh-Hant', 'en', 'ja', 'ko', 'fr', 'de', 'es', 'ru'] as const

export const LIMITS = {
  isbn: 20,
  title: 300,
  name: 200,
  people: 20,
  categories: 10,
  category: 100,
  edition: 100,
  description: 10_000,
  url: 2_000,
  pages: 100_000,
  /** In major units: 100,000,000 minor units. */
  price: 1_000_000,
  initialStock: 1_000_000,
} as const

/** What the inputs hold: text throughout, lists as comma-separated text. */
export interface BookForm {
  isbn: string
  title: string
  subtitle: string
  authors: string
  translators: string
  publisher: string
  publicationDate: string
  language: string
  categories: string
  pageCount: string
  format: BookFormat | ''
  edition: string
  description: string
  coverImage: string
  price: string
  initialStock: string
}

export const BOOK_FIELDS = [
  'isbn',
  'title',
  'subtitle',
  'authors',
  'translators',
  'publisher',
  'publicationDate',
  'language',
  'categories',
  'pageCount',
  'format',
  'edition',
  'description',
  'coverImage',
  'price',
  'initialStock',
] as const satisfies readonly (keyof BookForm)[]

export function emptyBookForm(): BookForm {
  return {
    isbn: '',
    title: '',
    subtitle: '',
    authors: '',
    translators: '',
    publisher: '',
    publicationDate: '',
    language: 'zh',
    categories: '',
    pageCount: '',
    format: '',
    edition: '',
    description: '',
    coverImage: '',
    price: '',
    initialStock: '0',
  }
}

const joined = (values: string[] | null | undefined) => (values ?? []).join(', ')

export function bookFormOf(book: Book): BookForm {
  const digits = Math.log10(minorUnits(book.price.currency))
  return {
    isbn: book.isbn,
    title: book.title,
    subtitle: book.subtitle ?? '',
    authors: joined(book.authors),
    translators: joined(book.translators),
    publisher: book.publisher ?? '',
    publicationDate: book.publicationDate ?? '',
    language: book.language ?? '',
    categories: joined(book.categories),
    pageCount: book.pageCount == null ? '' : String(book.pageCount),
    format: book.format ?? '',
    edition: book.edition ?? '',
    description: book.description ?? '',
    coverImage: book.coverImage ?? '',
    price: (book.price.amount / minorUnits(book.price.currency)).toFixed(digits),
    initialStock: '',
  }
}

/** Names typed one after another, separated by commas (either width), semicolons or new lines. */
export function splitList(text: string): string[] {
  const names = text
    .split(/[,，;；、\n]/)
    .map((name) => name.trim())
    .filter(Boolean)
  return [...new Set(names)]
}

const optional = (text: string) => text.trim() || undefined

/** The request body; `initialStock` only for a new book (a PUT naming it is refused). */
export function bookRequestOf(form: BookForm, isNew: boolean): BookRequest {
  const translators = splitList(form.translators)
  const categories = splitList(form.categories)
  return {
    isbn: form.isbn.trim(),
    title: form.title.trim(),
    subtitle: optional(form.subtitle),
    authors: splitList(form.authors),
    translators: translators.length ? translators : undefined,
    publisher: optional(form.publisher),
    publicationDate: optional(form.publicationDate),
    language: form.language.trim(),
    categories: categories.length ? categories : undefined,
    pageCount: form.pageCount.trim() ? Number(form.pageCount) : undefined,
    format: form.format || undefined,
    edition: optional(form.edition),
    description: optional(form.description),
    coverImage: optional(form.coverImage),
    price: { amount: parseMajor(form.price, CURRENCY) ?? 0, currency: CURRENCY },
    initialStock: isNew ? Number(form.initialStock.trim() || '0') : undefined,
  }
}

/** What is wrong with an ISBN as typed, in words; null when it is a valid one. */
export function isbnMessage(value: unknown): string | null {
  const typed = typeof value === 'string' ? value.trim() : ''
  if (!typed) return t('validation.required')
  if (typed.length > LIMITS.isbn) return t('validation.maxLength', { n: LIMITS.isbn })
  const problem = isbnProblem(typed)
  if (!problem) return null
  const digits = typed.replace(/[-\s]/g, '').length
  return t(`admin.isbn.${problem}`, { n: digits })
}

function list(options: { required?: boolean; maxItems: number; maxLength: number }): Check {
  return (value) => {
    const names = splitList(typeof value === 'string' ? value : '')
    if (names.length === 0) return options.required ? t('admin.validation.atLeastOne') : null
    if (names.length > options.maxItems) return t('admin.validation.atMostItems', { n: options.maxItems })
    const long = names.find((name) => name.length > options.maxLength)
    return long ? t('admin.validation.itemTooLong', { name: long, n: options.maxLength }) : null
  }
}

const publicationDate: Check = (value) => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return null
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!match) return t('admin.validation.publicationDate')
  const year = Number(match[1])
  const month = match[2] ? Number(match[2]) : undefined
  const day = match[3] ? Number(match[3]) : undefined
  const latest = new Date().getFullYear() + 2
  if (year < 1450 || year > latest) return t('admin.validation.publicationYear', { latest })
  if (month !== undefined && (month < 1 || month > 12)) return t('admin.validation.publicationDate')
  if (day !== undefined && month !== undefined && (day < 1 || day > new Date(year, month, 0).getDate())) {
    return t('admin.validation.publicationDate')
  }
  return null
}

const language: Check = (value) => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return t('validation.required')
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text) ? null : t('admin.validation.language')
}

const coverImage: Check = (value) => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return null
  if (text.length > LIMITS.url) return t('validation.maxLength', { n: LIMITS.url })
  try {
    const url = new URL(text)
    if (/^https?:\/\/\S+$/.test(text) && url.hostname) return null
  } catch {
    // falls through to the message
  }
  return t('admin.validation.url')
}

/** The catalogue's rules per field; initial stock only when adding. */
export function bookChecks(isNew: boolean): Partial<Record<keyof BookForm, Check>> {
  return {
    isbn: isbnMessage,
    title: checks.text({ required: true, max: LIMITS.title }),
    subtitle: checks.text({ max: LIMITS.title }),
    authors: list({ required: true, maxItems: LIMITS.people, maxLength: LIMITS.name }),
    translators: list({ maxItems: LIMITS.people, maxLength: LIMITS.name }),
    publisher: checks.text({ max: LIMITS.name }),
    publicationDate,
    language,
    categories: list({ maxItems: LIMITS.categories, maxLength: LIMITS.category }),
    pageCount: checks.wholeNumber({ min: 1, max: LIMITS.pages }),
    edition: checks.text({ max: LIMITS.edition }),
    description: checks.text({ max: LIMITS.description }),
    coverImage,
    price: checks.money({ required: true, max: LIMITS.price * minorUnits(CURRENCY), currency: CURRENCY }),
    initialStock: isNew ? checks.wholeNumber({ min: 0, max: LIMITS.initialStock }) : undefined,
  }
}
