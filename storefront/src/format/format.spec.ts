import { describe, expect, it } from 'vitest'
import { formatMoney, isbnProblem, parseMajor } from './index'

describe('money', () => {
  it('is written with the yuan sign in both languages', () => {
    expect(formatMoney({ amount: 4500, currency: 'CNY' }, 'zh-CN')).toBe('¥45.00')
    expect(formatMoney({ amount: 4500, currency: 'CNY' }, 'en')).toBe('¥45.00')
    expect(formatMoney({ amount: 123456, currency: 'CNY' }, 'en')).toBe('¥1,234.56')
  })
  it('is read from what a person types in yuan as fen, exactly', () => {
    expect(parseMajor('45')).toBe(4500)
    expect(parseMajor(' 45.5 ')).toBe(4550)
    expect(parseMajor('0.07')).toBe(7)
    expect(parseMajor('19.99')).toBe(1999)
    expect(parseMajor('1000000.01')).toBe(100000001)
    expect(parseMajor('300', 'JPY')).toBe(300)
  })
  it('is not read from anything else', () => {
    for (const text of ['', '.5', '45.', '45.123', '-1', '+1', '1e3', '4,5', '¥45', 'abc', '１２']) {
      expect(parseMajor(text), text).toBeNull()
    }
    expect(parseMajor('1.5', 'JPY')).toBeNull()
    expect(parseMajor('99999999999999999999')).toBeNull()
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
