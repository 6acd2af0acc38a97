import type { VueWrapper } from '@vue/test-utils'
import { vi } from 'vitest'
import { settle } from './app'

/** The text box of a form field, whether its data-test sits on the input or on the component around it. */
function input(testId: string): HTMLInputElement {
  const found = document.querySelector<HTMLInputElement>(`input[data-test="${testId}"], [data-test="${testId}"] input`)
  if (!found) throw new Error(`no field ${testId}`)
  return found
}

/** Types into a field as a person does (input, then leaving it, which runs the field's checks). */
export async function fill(testId: string, value: string) {
  const field = input(testId)
  field.value = value
  field.dispatchEvent(new Event('input'))
  field.dispatchEvent(new FocusEvent('blur'))
  await settle()
}

/** Submits the form around a field and lets its checks and requests finish. */
export async function submitAround(wrapper: VueWrapper, testId: string) {
  await wrapper.get(`[data-test="${testId}"]`).trigger('click')
  await settle()
}

/**
 * The button of this text in the newest Element Plus message box, once it is open (a box answered
 * before may linger in the DOM, closed).
 */
export async function confirmBox(text: string) {
  return vi.waitFor(() => {
    const box = [...document.querySelectorAll('.el-message-box')].pop()
    const button = [...(box?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find(
      (candidate) => candidate.textContent?.trim() === text,
    )
    if (!button) throw new Error('no confirmation yet')
    return button
  })
}
