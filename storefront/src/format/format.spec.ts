import { describe, expect, it } from 'vitest'
import { formatMoney, isbnProblem, toMinor } from './index'

describe('money', () => {
  it('is written with the yuan sign in both languages', () => {
    expect(formatMoney({ amount: 4500, currency: 'CNY' }, 'zh-CN')).toBe('¥45.00')
    expect(formatMoney({ amount: 4500, currency: 'CNY' }, 'en')).toBe('¥45.00')
    expect(formatMoney({ amount: 123456, currency: 'CNY' }, 'en')).toBe('¥1,234.56')
  })
  it('converts major to minor units by the currency', () => {
    expect(toMinor(45.5)).toBe(4550)
    expect(toMinor(0.1 + 0.2)).toBe(30)
    expect(toMinor(300, 'JPY')).toBe(300)
  })
})

describe('ISBN', () => {
  it('accepts ISBN-13 and ISBN-10 with their check digits, hyphens or not', () => {
    expect(isbnProblem('9787536692930')).toBeNull()
    expect(isbnProblem('978-7-5366-9293-0')).toBeNull()
    expect(isbnProblem('0-306-40615-2')).toBeNull()
    expect(isbnProblem('080442957X')).toBeNull()
  })
  it('says what is wrong', () => {
    expect(isbnProblem('9787536692931')).toBe('checksum')
    expect(isbnProblem('978753669293')).toBe('length')
    expect(isbnProblem('97875366929a0')).toBe('characters')
    expect(isbnProblem('9777536692937')).toBe('prefix')
    expect(isbnProblem('0306406153')).toBe('checksum')
  })
})
