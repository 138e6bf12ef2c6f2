// Renderer entry: fonts shipped with the app (no network), global styles, then the Svelte app (or, at #presenter, the presenter view).
import '@fontsource-variable/ibm-plex-sans/wght.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import PresenterView from './components/PresenterView.svelte';
import { PRESENTER_HASH } from './lib/present/presenterSync';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// The presenter view is the same page at #presenter, in a window of its own (see PresenterView).
mount(location.hash === PRESENTER_HASH ? PresenterView : App, { target });
