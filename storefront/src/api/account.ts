// A customer's own account beyond the profile: password, e-mail address, closing it, and the links
// the shop mails (verification, password reset), which work without being signed in.
import { http } from './http'
import type { Profile } from './types'

export const account = {
  /** Changes the name and/or the language (other fields untouched: a merge patch). */
  update: (changes: Partial<Pick<Profile, 'displayName' | 'language'>>) => http.patch<Profile>('/api/users/me', changes),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<void>('/api/users/me/password', { currentPassword, newPassword }),
  /** Asks to move to a new address: a link goes there, and the account keeps its address until it is opened. */
  changeEmail: (newEmail: string, currentPassword: string) =>
    http.post<void>('/api/users/me/email', { newEmail, currentPassword }),
  /** Sends the verification link again (to the pending address if there is one). */
  resendVerification: () => http.post<void>('/api/users/me/email-verification'),
  /** Deletes the account for good; the server ends the session too. */
  close: (password: string) => http.post<void>('/api/users/me/close', { password }),
}

/** The links in the shop's mails: nobody needs to be signed in to use them. */
export const mailLinks = {
  verifyEmail: (token: string) =>
    http.post<{ email: string }>('/api/users/email-verification', { token }, { authenticated: false }),
  /** Always answers the same, whether or not an account has the address. */
  requestPasswordReset: (email: string) =>
    http.post<void>('/api/auth/password-reset', { email }, { authenticated: false }),
  resetPassword: (token: string, newPassword: string) =>
    http.post<void>('/api/auth/password-reset/confirm', { token, newPassword }, { authenticated: false }),
}

/**
 * The token of a mailed link (`?token=…`): 43 URL-safe Base64 characters, or '' when the link holds
 * none that could be one (then there is nothing to send).
 */
export function linkToken(value: unknown): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(text) ? text : ''
}
