/** The input formats of bulk jobs, apart from their readers (input.ts), so flags can name them cheaply. */
export const INPUT_FORMATS = ['csv', 'jsonl', 'json', 'lines'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]
