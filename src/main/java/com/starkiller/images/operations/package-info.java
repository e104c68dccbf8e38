/**
 * What operators watch: MongoDB's health, {@code X-Response-Time} on every answer, the
 * observation of every request (answers from the kept pages included, tagged {@code kept}), and
 * each request's {@code X-Request-Id} in its answer and its log lines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package com.starkiller.images.operations;
