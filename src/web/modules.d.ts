// Module shapes that webpack provides to the browser pages (see webpack.config.js).

/** A seed document bundled as its text (asset/source). */
declare module '*.txt' {
  const text: string;
  export default text;
}

/** webpack's require.context, used to bundle every seeds/*.txt without listing them by hand. */
interface WebpackRequireContext {
  keys(): string[];
  (id: string): unknown;
}

declare namespace NodeJS {
  interface Require {
    context(directory: string, useSubdirectories: boolean, filter: RegExp): WebpackRequireContext;
  }
}
