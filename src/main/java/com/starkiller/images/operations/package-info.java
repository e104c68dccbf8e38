/**
 * What operators watch: MongoDB's health, {@code X-Response-Time} on every answer, the
 * observation of every request (answers from the kept pages included, tagged {@code kept}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package com.starkiller.images.operations;
