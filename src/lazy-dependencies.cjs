'use strict';
/**
 * Faker, loaded on first use instead of at import (~28 ms that most importers never need). The
 * loader is synchronous, because `createFixtures()` is. (nock is imported normally: it must be
 * active before any Stripe client is built, see src/mock/nock-transport.ts.)
 *
 * Plain CommonJS, because a synchronous load needs `require`. An ESM source would have to get it
 * from `import.meta` (a syntax error in our CommonJS build), and a `.cts` source, though tsc emits
 * it for both builds, is not transformed by vite, which runs the sources under vitest. So this
 * file is copied as-is into dist/esm and dist/cjs (`build` in package.json); its types are in
 * lazy-dependencies.d.cts.
 */

let englishFaker;

/** Faker's English entry: one locale (`@faker-js/faker` itself loads all ~70). ESM-only. */
exports.loadEnglishFaker = () => {
  englishFaker ??= requireEsm('@faker-js/faker/locale/en');
  return englishFaker;
};

/**
 * `require()` of an ES module: Node >= 20.19 does it, but jest's sandboxed `require` cannot before
 * Node 24.9, and its `createRequire()` hands out that same `require`. There, Node's own loader
 * (which jest's `module` builtin still exposes) loads the module outside jest's registry, which is
 * harmless for Faker: we only take its class and locale data and seed our own instances.
 */
function requireEsm(id) {
  try {
    return require(id);
  } catch (error) {
    // jest 30 throws ERR_REQUIRE_ESM; jest 29 tries the ES module as a script: a SyntaxError
    // from its own realm (so checked by name, not instanceof).
    if (error?.code !== 'ERR_REQUIRE_ESM' && error?.name !== 'SyntaxError') throw error;
    return require('node:module')._load(require.resolve(id), null, false);
  }
}
