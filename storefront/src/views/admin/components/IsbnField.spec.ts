import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'
import { mountAt, settle } from '@/testing/app'
import '../messages'
import IsbnField from './IsbnField.vue'

/** The field bound to a model, as the book form has it. */
const Form = defineComponent({
  setup() {
    const model = reactive({ isbn: '' })
    return () => h(IsbnField, { modelValue: model.isbn, 'onUpdate:modelValue': (value: string) => (model.isbn = value) })
  },
})

async function typed(text: string, locale: 'en' | 'zh-CN' = 'en') {
  const { wrapper } = await mountAt(Form, '/', locale)
  mounted.push(wrapper)
  await settle()
  await wrapper.get('input[data-test="book-isbn"]').setValue(text)
  await settle()
  return {
    error: () => wrapper.find('[data-test="book-isbn-error"]'),
    hint: () => wrapper.get('.field-hint').text(),
    input: wrapper.get('input[data-test="book-isbn"]'),
  }
}

const mounted: { unmount(): void }[] = []
afterEach(() => mounted.splice(0).forEach((wrapper) => wrapper.unmount()))

describe('the ISBN field, as it is typed', () => {
  it('says how many digits are missing while the ISBN is too short', async () => {
    const field = await typed('978-7-53')
    expect(field.error().text()).toBe('An ISBN has 13 digits (or 10); this one has 6.')
  })

  it('names characters that do not belong in an ISBN', async () => {
    const field = await typed('978-7-5366-9293-O')
    expect(field.error().text()).toContain('Only digits, hyphens and spaces')
  })

  it('wants 978 or 979 at the start of 13 digits', async () => {
    const field = await typed('9777536692930')
    expect(field.error().text()).toBe('A 13-digit ISBN starts with 978 or 979.')
  })

  it('catches a wrong check digit, in the reader’s language', async () => {
    const field = await typed('978-7-5366-9293-1', 'zh-CN')
    expect(field.error().text()).toBe('校验位不符，请检查是否输错。')
  })

  it('accepts a valid ISBN-13 with hyphens and says so', async () => {
    const field = await typed('978-7-5366-9293-0')
    expect(field.error().exists()).toBe(false)
    expect(field.hint()).toContain('Valid ISBN-13')
  })

  it('accepts a valid ISBN-10 ending in X', async () => {
    const field = await typed('0-8044-2957-X')
    expect(field.error().exists()).toBe(false)
    expect(field.hint()).toContain('Valid ISBN-10')
  })

  it('clears the message once a typing error is corrected', async () => {
    const field = await typed('9787536692931')
    expect(field.error().text()).toContain('check digit')
    await field.input.setValue('9787536692930')
    await settle()
    expect(field.error().exists()).toBe(false)
  })
})
