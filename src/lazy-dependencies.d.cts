// Types of lazy-dependencies.cjs (plain CommonJS, see there for why).

/** Faker's English entry, loaded on the first call and cached. */
export declare function loadEnglishFaker(): typeof import('@faker-js/faker/locale/en');
