// Types of lazy-dependencies.cjs (plain CommonJS, see there for why).

/** nock, loaded on the first call and cached. */
export declare function loadNock(): typeof import('nock');

/** Faker's English entry, loaded on the first call and cached. */
export declare function loadEnglishFaker(): typeof import('@faker-js/faker/locale/en');
