/** Vite's `?raw` imports: a file's text, used to test the documented sample CSV as shipped. */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
