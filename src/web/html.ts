import htmModule from 'htm';
import { h } from 'preact';

// htm's types describe a CommonJS module (a `default` property); the browser loads its ESM build,
// whose default export is htm itself.
const htm = htmModule as unknown as (typeof htmModule)['default'];

/** JSX without a build: html`<p class=${c}>${text}</p>` (htm, bound to Preact's h). */
export const html = htm.bind(h);
