// Svelte compiler settings shared by the build, Vitest and svelte-check: runes everywhere.
export default {
  compilerOptions: { runes: true }
};
