// mailchecker ships its types at the package root, where TypeScript does not
// look for a package whose main is platform/node/index.js: the part we use.
declare module 'mailchecker' {
  const mailchecker: {
    /** Every throwaway-mail domain of the list, lower case. */
    blacklist(): Set<string>;
  };
  export default mailchecker;
}
