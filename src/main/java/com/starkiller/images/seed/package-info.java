/**
 * Demo and load-test data: the deterministic seeder ({@code seed} command and the first start's
 * demo), the painted photo pool, and the original's {@code POST /insert}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Seed")
package com.starkiller.images.seed;
