/** Reviews: stored 20 to a page, the carousel at a review (htmx fragment and JSON), and adding one. */
@org.springframework.modulith.ApplicationModule(displayName = "Reviews")
package com.starkiller.images.review;
