/**
 * The warm-up: before an instance reports ready, it sends its own public port real requests on
 * the paths visitors miss the caches on, so the first visitors after a start find that code
 * compiled by the JIT instead of interpreted (and a JDK AOT cache's training run records it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warm-up")
package com.starkiller.images.warmup;
