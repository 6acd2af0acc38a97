import { ref, shallowRef } from 'vue'

/**
 * Sends what a customer asked for: `sending` while the request is out, its refusal kept in `error`
 * (for a ProblemAlert). `send` answers the API's answer, or undefined when it was refused.
 */
export function useSending() {
  const sending = ref(false)
  const error = shallowRef<unknown>(null)

  async function send<R>(request: () => Promise<R>): Promise<R | undefined> {
    sending.value = true
    error.value = null
    try {
      return await request()
    } catch (failure) {
      error.value = failure
      return undefined
    } finally {
      sending.value = false
    }
  }

  return { sending, error, send }
}
