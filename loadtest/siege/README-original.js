#!/usr/bin/env node
// The 2018 service's Siege config, verbatim from its README ("Stress Testing
// (Service, Development)"), run with the npm `siege` package (pinned in package.json):
//
//   siege()
//    .on(3000)
//    .for(100000).times
//    .get('/reviews/15000?index=1')
//    .attack();
//
// Only these changes, all needed to run it here:
//   * .host('127.0.0.1'): without it Node connects to "localhost", which Node >= 17
//     may resolve to ::1 first; load tests on this machine target 127.0.0.1 only.
//   * a hard time cap (SIEGE_MAX_SECONDS, default 600): the DSL bounds the count but not
//     the time, and every load loop here must stop by itself.
//   * env overrides, for smoke tests only; the defaults are the original's values:
//     SIEGE_HOST=127.0.0.1 SIEGE_PORT=3000 SIEGE_TIMES=100000.
// Concurrency is the package's default, 15, as in the original. Note how it connects:
// the package sets http.globalAgent.maxSockets = 15 and keeps 16 requests outstanding, so
// Node's agent hands every freed socket straight to the next queued request: the whole run
// uses ~15 keep-alive connections (measured: 2,000 requests over 15 connections, all with
// `Connection: keep-alive`; Node 9's agent, which the original ran on, does the same).
// The package may send up to ~15 requests more than asked (2,014 for 2,000).
//
// Usage: cd loadtest/siege && npm ci && node README-original.js
'use strict';

const siege = require('siege');

const host = process.env.SIEGE_HOST || '127.0.0.1';
const port = Number(process.env.SIEGE_PORT || 3000);
const times = Number(process.env.SIEGE_TIMES || 100000);
const maxSeconds = Number(process.env.SIEGE_MAX_SECONDS || 600);

if (!/^(127\.\d+\.\d+\.\d+|localhost|::1)$/.test(host)) {
  console.error(`refusing to load-test ${host}: only 127.0.0.0/8, localhost or ::1 may be targeted`);
  process.exit(2);
}
for (const [name, v] of [['SIEGE_PORT', port], ['SIEGE_TIMES', times], ['SIEGE_MAX_SECONDS', maxSeconds]]) {
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`${name} must be a positive integer`);
    process.exit(2);
  }
}

// Stop by ourselves even if the server hangs. unref(): do not keep the process alive.
setTimeout(() => {
  process.stdout.write('\x1b[?25h\n'); // siege hides the cursor while it draws
  console.error(`time cap of ${maxSeconds}s reached (SIEGE_MAX_SECONDS), stopping`);
  process.exit(124);
}, maxSeconds * 1000).unref();

siege()
 .host(host)
 .on(port)
 .for(times).times
 .get('/reviews/15000?index=1')
 .attack();
