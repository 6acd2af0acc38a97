// How console forms check what is typed: each field's check runs as the field changes (so its
// problem is shown as the admin types), every check runs on submit, and the problems the API
// names are shown on their fields until those are edited. Messages are made in the current language
// and follow it when it changes.
import { computed, nextTick, reactive, ref, watch } from 'vue'
import type { Check } from './feedback'

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
