// A report on a page: asked for again whenever its request changes, and, while analytics is still
// reading the shop's history (503 analytics-unavailable), asked again by itself after a pause.
import { computed, onScopeDispose, type Ref, ref, watch } from 'vue'
import { isProblem } from '@/api/problem'
import { type Rows, useLoad } from '../composables'
import { downloadCsv, fetchReport, type ReportRequest } from './api'

/** Seconds to wait before asking again while analytics is unavailable, unless it says (Retry-After). */
export const UNAVAILABLE_RETRY_SECONDS = 10

export function isUnavailable(error: unknown): boolean {
  return isProblem(error, 'analytics-unavailable') || (isProblem(error) && error.status === 503)
}

/**
 * While loading answers analytics-unavailable, loads again after a pause (Retry-After when given). Each
 * failure is a new problem, so each one schedules the next try; any other answer ends the retries.
 */
export function retryWhileUnavailable(state: { error: Ref<unknown>; load: () => unknown }) {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(state.error, (error) => {
    clearTimeout(timer)
    if (!isUnavailable(error)) return
    const seconds = (error as { retryAfter?: number }).retryAfter ?? UNAVAILABLE_RETRY_SECONDS
    timer = setTimeout(() => void state.load(), 1000 * seconds)
  })
  onScopeDispose(() => clearTimeout(timer))
}

export function useReport<T>(request: () => ReportRequest | null) {
  const current = computed(request)
  const state = useLoad(async () => {
    const asked = current.value
    return asked ? fetchReport<T>(asked) : null
  })
  const load = state.load
  watch(() => JSON.stringify(current.value), () => void load(), { immediate: true })
  retryWhileUnavailable(state)

  // The report's CSV, downloaded on request; a failure is kept to be shown by the report.
  const downloading = ref(false)
  const downloadError = ref<unknown>(null)
  async function download() {
    const asked = current.value
    if (!asked || downloading.value) return
    downloading.value = true
    downloadError.value = null
    try {
      await downloadCsv(asked)
    } catch (failure) {
      downloadError.value = failure
    } finally {
      downloading.value = false
    }
  }

  return { ...state, load, request: current, download, downloading, downloadError }
}

export type Report<T> = ReturnType<typeof useReport<T>>

/** A report's rows as a DataTable lists them (the report's card shows its loading and failed states). */
export function rowsOf<T, Item>(report: Report<T>, items: (data: T) => Item[]): Rows<Item> {
  const list = computed(() => (report.data.value ? items(report.data.value) : []))
  return {
    items: list,
    loading: computed(() => false),
    error: computed(() => null),
    empty: computed(() => list.value.length === 0),
    load: report.load,
  }
}
