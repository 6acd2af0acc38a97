// Confirmations, success notes and form checks for the console, in the reader's language.
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import { isProblem } from '@/api/problem'
import { parseMajor, minorUnits } from '@/format'
import { i18n } from '@/i18n'

const t = (key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named)

/**
 * Asks before something that cannot be undone. Resolves true when confirmed. The message is plain
 * text (titles people typed are safe in it).
 */
export async function confirmAction(options: { title: string; message: string; confirm: string }): Promise<boolean> {
  try {
    await ElMessageBox.confirm(options.message, options.title, {
      type: 'warning',
      confirmButtonText: options.confirm,
      cancelButtonText: t('actions.cancel'),
      confirmButtonClass: 'el-button--danger',
      closeOnClickModal: false,
    })
    return true
  } catch {
    return false
  }
}

export function notifySuccess(message: string) {
  ElMessage.success({ message, showClose: true, duration: 4000 })
}

/** Says what is wrong with a value, or null when it is fine. */
export type Check = (value: unknown) => string | null

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value == null ? '' : String(value))

export const checks = {
  text(options: { required?: boolean; max: number }): Check {
    return (value) => {
      const given = text(value)
      if (!given) return options.required ? t('validation.required') : null
      return given.length > options.max ? t('validation.maxLength', { n: options.max }) : null
    }
  },
  /** A whole number typed into a text box, between min and max. */
  wholeNumber(options: { required?: boolean; min: number; max: number; nonZero?: boolean }): Check {
    return (value) => {
      const given = text(value)
      if (!given) return options.required ? t('validation.required') : null
      if (!/^[+-]?\d+$/.test(given)) return t('validation.wholeNumber')
      const number = Number(given)
      if (options.nonZero && number === 0) return t('admin.validation.nonZero')
      if (number < options.min || number > options.max) {
        return t('admin.validation.between', { min: options.min, max: options.max })
      }
      return null
    }
  },
  /**
   * An amount of money typed in major units (yuan): more than zero, at most two decimals (the
   * currency's), at most `max` minor units.
   */
  money(options: { required?: boolean; max: number; currency?: string }): Check {
    return (value) => {
      const given = text(value)
      if (!given) return options.required ? t('validation.required') : null
      const amount = parseMajor(given, options.currency)
      if (amount === null) return t('admin.validation.money')
      if (amount <= 0) return t('validation.positive')
      const units = minorUnits(options.currency ?? 'CNY')
      return amount > options.max ? t('admin.validation.between', { min: String(1 / units), max: String(options.max / units) }) : null
    }
  },
}

/** The whole number a text box holds (after checks passed). */
export function wholeNumberOf(value: string): number {
  return Number(value.trim())
}

/**
 * The fields a 400 problem names, as the form's own field names (`price.amount` → `price`,
 * `authors[1]` → `authors`), each with a message in the reader's language; fields the form does not
 * have are left out (the problem's own message names them).
 */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!isProblem(error)) return {}
  const found: Record<string, string> = {}
  for (const { field } of error.errors) {
    const name = field.split(/[.[]/)[0]
    if (fields.includes(name)) found[name] = t('admin.validation.rejected')
  }
  return found
}
