// What every console page does the same way: its list state in the URL, loading with stale answers
// ignored, its title, money and dates in the reader's language.
import { computed, type Ref, ref, shallowRef, watch, watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { type LocationQuery, type LocationQueryRaw, useRoute, useRouter } from 'vue-router'
import type { Money } from '@/api/types'
import { formatDate, formatDateTime, formatMoney } from '@/format'
import { setTitle } from '@/router'
import { PAGE_SIZES } from './api'

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

/**
 * A list page's filters and paging, kept in the URL query so that a reload, a shared link and the
 * back button all show the same view. `page` is 1-based here and in the URL; the API counts from 0.
 */
export function useListQuery<K extends string>(keys: readonly K[]) {
  const route = useRoute()
  const router = useRouter()
  const name = route.name

  const filters = computed(() => Object.fromEntries(keys.map((key) => [key, single(route.query[key])])) as Filters<K>)
  const page = computed(() => pageNumber(single(route.query.page)))
  const size = computed(() => pageSize(single(route.query.size)))

  /** Changes some filters (back to the first page) or the page: a new history entry each time. */
  function update(patch: Partial<Record<K | 'page' | 'size', string | number | null | undefined>>) {
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

  /** Runs now and whenever this page's query changes (not when leaving the page, which changes the route too). */
  function onChange(run: () => void) {
    watch(
      () => (route.name === name ? JSON.stringify(route.query) : null),
      (query) => {
        if (query !== null) run()
      },
      { immediate: true },
    )
  }

  return { filters, page, size, update, onChange }
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

