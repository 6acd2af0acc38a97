import type { FormItemRule } from 'element-plus'
import { i18n } from '@/i18n'

// user-service's rules for a new password: 10–128 characters, and not a common one (which only the
// server can tell: its weak-password problem says so). The hint under the field (auth.passwordHint)
// says the same.
export const PASSWORD_LENGTH = { min: 10, max: 128 } as const

const t = (key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named)

/** The form rules of a field where someone chooses a new password. */
export function newPasswordRules(): FormItemRule[] {
  return [
    { required: true, message: t('validation.required'), trigger: 'blur' },
    { min: PASSWORD_LENGTH.min, message: t('validation.minLength', { n: PASSWORD_LENGTH.min }), trigger: 'blur' },
    { max: PASSWORD_LENGTH.max, message: t('validation.maxLength', { n: PASSWORD_LENGTH.max }), trigger: 'blur' },
  ]
}

/** The rules of the field that repeats the new password: the same text as `original()`. */
export function repeatPasswordRules(original: () => string): FormItemRule[] {
  return [
    { required: true, message: t('validation.required'), trigger: 'blur' },
    {
      validator: (_rule, value: string, callback) =>
        value === original() ? callback() : callback(new Error(t('validation.passwordsDiffer'))),
      trigger: 'blur',
    },
  ]
}

/** The rules of a field where someone types the password they have now (to prove it is them). */
export function currentPasswordRules(): FormItemRule[] {
  return [{ required: true, message: t('validation.required'), trigger: 'blur' }]
}
