import type { Profile } from '@/api/types'

/** An account as user-service shows it: a verified, active customer writing in Chinese, unless told. */
export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    email: 'reader@example.com',
    displayName: '读者',
    roles: ['CUSTOMER'],
    addresses: [],
    createdAt: '2025-01-01T00:00:00Z',
    emailVerified: true,
    pendingEmail: null,
    language: 'zh-CN',
    status: 'ACTIVE',
    ...overrides,
  }
}

/** The tokens a log-in answers. */
export const TOKENS = { accessToken: 'access-token', tokenType: 'Bearer', expiresIn: 900 }
