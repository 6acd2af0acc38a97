// What every console page does the same way: its list state in the URL, loading with stale answers
// ignored, confirmed actions on a record, its title, money and dates in the reader's language.
import { computed, reactive, type Ref, ref, shallowRef, watch, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { type LocationQuery, type LocationQueryRaw, useRoute, useRouter } from 'vue-router'
import type { Money, Page } from '@/api/types'
import { formatDate, formatDateTime, formatMoney } from '@/format'
import { setTitle } from '@/router'
import { PAGE_SIZES } from './api'
import { confirmAction, notifySuccess } from './feedback'

export const DEFAULT_PAGE_SIZE = 20

/** The one value of a query parameter ('' when absent or repeated oddly). */
export function single(value: LocationQuery[string] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

function pageNumber(value: string): number {
  const number = Number(value)
  return Number.isInteger(number) && number >= 1 && number <= 100_000 ? number : 1
}

function pageSize(value: string): number {
  const number = Number(value)
  return (PAGE_SIZES as readonly number[]).includes(number) ? number : DEFAULT_PAGE_SIZE
}

export type Filters<K extends string> = Record<K, string>
/** Changes to a list's URL query: filters, page, size ('' or null removes one). */
export type QueryPatch<K extends string> = Partial<Record<K | 'page' | 'size', string | number | null | undefined>>

/** What a pager needs of a list: where it is, how many rows there are, and a way to move. */
export interface Pager {
  page: Readonly<Ref<number>>
  size: Readonly<Ref<number>>
  total: Readonly<Ref<number>>
  update(patch: { page?: number; size?: number }): unknown
}

/** What a table needs of a list (see useListQuery): its rows and their loading and failed states. */
export interface Rows<Item> {
  items: Readonly<Ref<Item[]>>
  loading: Readonly<Ref<boolean>>
  error: Readonly<Ref<unknown>>
  empty: Readonly<Ref<boolean>>
  load(): unknown
}

export interface ListOptions<K extends string, Item, I extends object> {
  /** Asks for one page of the list: the filters as the URL has them, the page (1-based) and its size. */
  fetch: (filters: Filters<K>, page: number, size: number) => Promise<Page<Item>>
  /** Runs after each answer, for what the rows need besides (titles, stock). */
  loaded?: (answer: Page<Item>) => Promise<void> | void
  /** The filter inputs the page shows, made from the URL's filters (all '' for none). */
  inputs?: (filters: Filters<K>) => I
  /** The inputs as URL filters; without it they are named like the filters and hold their text. */
  query?: (inputs: I) => QueryPatch<K>
}

/**
 * A list page: its filters and paging kept in the URL query, so that a reload, a shared link and the
 * back button all show the same view, and the page of rows they name, loaded again whenever they
 * change (with its loading and failed states). `page` is 1-based here and in the URL; the API counts
 * from 0. With `inputs`, the filter form: set from the URL, `search()` puts it there, `clear()` empties it.
 */
export function useListQuery<K extends string, Item, I extends object = Record<never, never>>(
  keys: readonly K[],
  options: ListOptions<K, Item, I>,
) {
  const route = useRoute()
  const router = useRouter()
  const name = route.name

  const filters = computed(() => Object.fromEntries(keys.map((key) => [key, single(route.query[key])])) as Filters<K>)
  const page = computed(() => pageNumber(single(route.query.page)))
  const size = computed(() => pageSize(single(route.query.size)))

  /** Changes some filters (back to the first page) or the page: a new history entry each time. */
  function update(patch: QueryPatch<K>) {
    const next: LocationQueryRaw = { ...route.query }
    if (!('page' in patch)) delete next.page
    for (const [key, value] of Object.entries(patch)) {
      const text = value === undefined || value === null ? '' : String(value).trim()
      const isDefault = (key === 'page' && text === '1') || (key === 'size' && text === String(DEFAULT_PAGE_SIZE))
      if (text === '' || isDefault) delete next[key]
      else next[key] = text
    }
    return router.push({ query: next })
  }

  const none = Object.fromEntries(keys.map((key) => [key, ''])) as Filters<K>
  const inputsOf = options.inputs ?? (() => ({}) as I)
  const inputs = reactive(inputsOf(none)) as I

  function search() {
    return update(options.query ? options.query(inputs) : (inputs as QueryPatch<K>))
  }

  function clear() {
    Object.assign(inputs, inputsOf(none))
    return search()
  }

  const rows = useLoad(() => options.fetch(filters.value, page.value, size.value))

  async function load() {
    const answer = await rows.load()
    if (answer) await options.loaded?.(answer)
    return answer
  }

  // Now and whenever this page's query changes (not when leaving the page, which changes the route too).
  watch(
    () => (route.name === name ? JSON.stringify(route.query) : null),
    (query) => {
      if (query === null) return
      Object.assign(inputs, inputsOf(filters.value))
      void load()
    },
    { immediate: true },
  )

  const items = computed(() => rows.data.value?.items ?? [])
  const total = computed(() => rows.data.value?.total ?? 0)
  const empty = computed(() => !rows.loading.value && items.value.length === 0)

  return { filters, page, size, update, inputs, search, clear, ...rows, load, items, total, empty }
}

/**
 * Loads something, remembering the latest answer or failure. A slower earlier answer never
 * overwrites a later one.
 */
export function useLoad<T>(fetch: () => Promise<T>) {
  const data = shallowRef<T | null>(null) as Ref<T | null>
  const loading = ref(false)
  const error = shallowRef<unknown>(null)
  let latest = 0

  async function load(): Promise<T | null> {
    const mine = ++latest
    loading.value = true
    error.value = null
    try {
      const answer = await fetch()
      if (mine === latest) data.value = answer
      return answer
    } catch (failure) {
      if (mine === latest) error.value = failure
      return null
    } finally {
      if (mine === latest) loading.value = false
    }
  }

  return { data, loading, error, load }
}

/**
 * What staff do to a record after confirming it (discontinue a book, deliver or cancel an order,
 * change roles): `running` names what is under way, a failure is kept in `error`, and `reload` runs
 * afterwards whatever came of it, so the page shows the record as it now is (or the newer version
 * a stale-version problem speaks of).
 */
export function useActions(options: { reload: () => Promise<unknown>; error?: Ref<unknown> }) {
  const running = reactive(new Set<string>())
  const error = options.error ?? shallowRef<unknown>(null)

  /** Asks first; false when the admin did not confirm. */
  async function run(
    name: string,
    action: {
      confirm: Parameters<typeof confirmAction>[0]
      act: () => Promise<unknown>
      /** Said once it is done. */
      success: string
    },
  ): Promise<boolean> {
    if (!(await confirmAction(action.confirm))) return false
    running.add(name)
    error.value = null
    try {
      await action.act()
      notifySuccess(action.success)
    } catch (failure) {
      error.value = failure
    } finally {
      running.delete(name)
    }
    await options.reload()
    return true
  }

  return { running, error, run }
}

/**
 * Loads one record now and again whenever `key` (its id) changes. See useLoad.
 */
export function useRecord<T>(key: () => unknown, fetch: () => Promise<T>) {
  const record = useLoad(fetch)
  watch(key, record.load, { immediate: true })
  return record
}

/** The document's title, following the language and the page's data. */
export function usePageTitle(title: () => string | undefined) {
  watchEffect(() => setTitle(title()))
}

/** Money and dates in the current language. */
export function useFormat() {
  const { locale } = useI18n()
  return {
    money: (money: Money | null | undefined) => formatMoney(money, locale.value),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale.value),
    date: (iso: string | null | undefined) => formatDate(iso, locale.value),
    number: (n: number) => new Intl.NumberFormat(locale.value).format(n),
    /** A signed change: +3, −2, 0. */
    change: (n: number) =>
      new Intl.NumberFormat(locale.value, { signDisplay: 'exceptZero' }).format(n).replace('-', '−'),
  }
}

/** The first 8 characters of an id, enough to tell orders and accounts apart on screen. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : ''
}

