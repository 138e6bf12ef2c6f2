// Entry of the interactive page (vite.page.config.ts): the app's own renderer, with `window.api`
// answered from the data embedded in the page instead of by main. zod goes jitless first (no eval).
import './jitless';
import '@fontsource-variable/ibm-plex-sans/wght.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
import '../app.css';
import { mount } from 'svelte';
import App from '../App.svelte';
import { provideApi } from '../lib/api';
import { createPageApi } from './pageApi';
import { readEmbeddedPage } from './pageData';
import { setPageInfo } from './pageInfo';

const target = document.getElementById('app');
if (!target) throw new Error('the page has no #app element');
const embedded = readEmbeddedPage(document);
setPageInfo(embedded.ok ? embedded.page.meta : undefined);
// As text: the window's title is the dataset's (a title element never parses what it is given).
if (embedded.ok) document.title = `${embedded.page.meta.title} · Frontline`;
// A source's web address opens in a new tab that cannot reach back into this page.
const openTab = (url: string): void => void window.open(url, '_blank', 'noopener,noreferrer');
provideApi(createPageApi(embedded.ok ? embedded.page : embedded.message, openTab));
mount(App, { target });
