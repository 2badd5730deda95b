/**
 * The suite never leaves the machine: nock refuses every connection that no interceptor
 * answers, except loopback (our own servers). Loading nock here, before any test file imports
 * the `stripe` client, also gives nock the first hold on node:http(s) (nock#2461).
 */
import nock from 'nock';

nock.disableNetConnect();
nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host));
