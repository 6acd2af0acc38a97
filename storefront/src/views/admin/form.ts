// How console forms check what is typed: each field's check runs as the field changes (so its
// problem is shown as the admin types), every check runs on submit, and the problems the API
// names are shown on their fields until those are edited. Messages are made in the current language
// and follow it when it changes.
import { computed, nextTick, reactive, ref, shallowRef, watch } from 'vue'
import type { Movement } from '@/api/types'
import { STOCK_LIMITS } from './api'
import { type Check, checks as check, fieldErrorsOf, notifySuccess } from './feedback'

export function useFormChecks<F extends object>(form: F, checks: () => Partial<Record<keyof F & string, Check>>) {
  type Field = keyof F & string
  const touched = reactive(new Set<string>())
  const submitted = ref(false)
  const server = ref<Partial<Record<Field, string>>>({})

  const problems = computed(() => {
    const found: Partial<Record<Field, string>> = {}
    for (const [field, check] of Object.entries(checks()) as [Field, Check | undefined][]) {
      const problem = check?.(form[field])
      if (problem) found[field] = problem
    }
    return found
  })

  /** What each field shows: the API's word on it, else its own problem once it was edited or submitted. */
  const errors = computed(() => {
    const shown: Partial<Record<Field, string>> = { ...server.value }
    for (const [field, problem] of Object.entries(problems.value) as [Field, string][]) {
      if (!shown[field] && (submitted.value || touched.has(field))) shown[field] = problem
    }
    return shown
  })

  for (const field of Object.keys(form) as Field[]) {
    watch(
      () => form[field],
      () => {
        touched.add(field)
        if (server.value[field]) {
          const rest = { ...server.value }
          delete rest[field]
          server.value = rest
        }
      },
    )
  }

  /** Checks every field; true when all are fine. */
  function validate(): boolean {
    submitted.value = true
    server.value = {}
    return Object.keys(problems.value).length === 0
  }

  /** Forgets what was typed and shown (after a successful send, or loading new values). */
  async function reset() {
    await nextTick() // after the watchers saw the values just set
    touched.clear()
    submitted.value = false
    server.value = {}
  }

  function showServerErrors(errors: Partial<Record<Field, string>>) {
    server.value = errors
  }

  return { errors, problems, validate, reset, showServerErrors }
}

/**
 * A form that sends what it holds: on submit every check runs first, then `send`, and `sent` gets
 * the answer. While it is out `sending` is set; a refusal is kept in `error` (shown as a sentence)
 * and put on the fields it names.
 */
export function useSubmit<F extends object, R>(
  form: F,
  fieldChecks: () => Partial<Record<keyof F & string, Check>>,
  send: () => Promise<R>,
  sent: (answer: R, reset: () => Promise<void>) => void,
) {
  const { errors, validate, reset, showServerErrors } = useFormChecks(form, fieldChecks)
  const sending = ref(false)
  const error = shallowRef<unknown>(null)

  async function submit() {
    error.value = null
    if (!validate()) return
    sending.value = true
    try {
      sent(await send(), reset)
    } catch (failure) {
      error.value = failure
      showServerErrors(fieldErrorsOf(failure, Object.keys(form)) as Partial<Record<keyof F & string, string>>)
    } finally {
      sending.value = false
    }
  }

  return { errors, reset, sending, error, submit }
}

/**
 * A stock entry (receipt, adjustment, stocktake): its own fields plus a note, sent as a movement of
 * the ledger. Once recorded it says so (`success`), empties the form and hands the movement to `done`.
 */
export function useMovementForm<F extends { note: string }>(
  form: F,
  options: {
    checks: () => Partial<Record<Exclude<keyof F & string, 'note'>, Check>>
    /** Sends the entry with its note (undefined when none was typed). */
    send: (note: string | undefined) => Promise<Movement>
    success: (movement: Movement) => string
    done: (movement: Movement) => void
  },
) {
  const blank = { ...form }
  return useSubmit(
    form,
    () => ({ ...options.checks(), note: check.text({ max: STOCK_LIMITS.maxNote }) }) as Partial<Record<keyof F & string, Check>>,
    () => options.send(form.note.trim() || undefined),
    (movement, reset) => {
      notifySuccess(options.success(movement))
      Object.assign(form, blank)
      void reset()
      options.done(movement)
    },
  )
}
