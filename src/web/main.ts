import { render } from 'preact';
import { App } from './app.ts';
import { html } from './html.ts';
import { interceptLinks } from './router.ts';

document.addEventListener('click', interceptLinks);
render(html`<${App} />`, document.getElementById('app')!);
