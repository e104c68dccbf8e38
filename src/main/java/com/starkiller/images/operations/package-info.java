/**
 * What operators watch: MongoDB's health, {@code X-Response-Time} on every answer, and the
 * observation of requests that are not served from kept pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package com.starkiller.images.operations;
