declare module 'parse-prometheus-text-format' {
  /** The parser ships no types; prometheus-text.ts gives its result one. */
  export default function parse(text: string): unknown[];
}
