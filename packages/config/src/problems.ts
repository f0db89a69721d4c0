import type { z } from 'zod'

/** One variable an operator must fix, said as a sentence that names it, what is wrong and what is expected. */
export interface ConfigProblem {
  variable: string
  message: string
}

// Values of these variables never appear in a message: it may be printed to a shared terminal or a log.
const secretName = /SECRET|PASSWORD|PRIVATE|ACCESS_KEY|API_KEY|TOKEN$/

const quoted = (value: string): string => {
  // A URL's password is as secret as any: `postgres://user:pw@host` is shown as `postgres://user:…@host`.
  const masked = value.replace(/(\/\/[^/:@]*:)[^/@]*@/, '$1…@')
  const cut = masked.length > 80 ? `${masked.slice(0, 80)}…` : masked
  return JSON.stringify(cut)
}

const plural = (n: number | bigint, word: string) => `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`

const shown = (variable: string, value: string): string =>
  secretName.test(variable) ? `a value of ${plural(value.length, 'character')}` : quoted(value)

const formats: Record<string, string> = {
  url: 'a URL (scheme://host…)',
  email: 'an email address',
  uuid: 'a UUID',
}

// A rule of the schema's own (a refinement) says which part of the value broke it.
const refinement = (issue: z.core.$ZodIssue): string =>
  issue.code === 'custom' && issue.message ? ` (${issue.message})` : ''

/** What the value must be, in words, from one zod issue. */
const expectationOf = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return 'a whole number'
      if (issue.expected === 'number') return 'a number'
      if (issue.expected === 'boolean') return 'true or false'
      if (issue.expected === 'string') return 'text'
      return `a ${issue.expected}`
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
      const side = issue.code === 'too_small' ? 'at least' : 'at most'
      const strict = issue.code === 'too_small' ? 'more than' : 'less than'
      const words = issue.inclusive === false ? strict : side
      if (issue.origin === 'string') return `${words} ${plural(bound, 'character')} long`
      if (issue.origin === 'array' || issue.origin === 'set')
        return `a list of ${words} ${plural(bound, 'item')}`
      return `${words} ${bound}`
    }
    case 'invalid_format':
      if (issue.format === 'regex' && 'pattern' in issue) return `text matching ${issue.pattern}`
      return formats[issue.format] ?? `a valid ${issue.format}`
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`
    default:
      return 'valid'
  }
}

/**
 * Turns the issues of a failed parse into one sentence per variable. A variable whose schema carries a
 * description (the `vars` helpers give one) is said with it, which states the whole expectation (a port's range)
 * where a single issue states one rule.
 */
export const problemsOf = (
  issues: readonly z.core.$ZodIssue[],
  shape: z.ZodRawShape,
  env: Record<string, string | undefined>,
): ConfigProblem[] => {
  const problems = new Map<string, ConfigProblem>()
  for (const issue of issues) {
    const variable = String(issue.path[0] ?? '(configuration)')
    // The first issue of a variable says enough; more would repeat it.
    if (problems.has(variable)) continue
    const expected = (shape[variable] as z.ZodType | undefined)?.description ?? expectationOf(issue)
    const value = env[variable]
    const message =
      value === undefined
        ? `${variable} is not set; it must be ${expected}.`
        : `${variable} must be ${expected}; got ${shown(variable, value)}${refinement(issue)}.`
    problems.set(variable, { variable, message })
  }
  return [...problems.values()]
}
