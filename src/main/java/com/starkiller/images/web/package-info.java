/**
 * What every route shares: errors (an error page for people, RFC 9457 problem details for JSON
 * clients and the API, built by {@link Problems}), the rule that says which paths are the API
 * ({@link ApiPaths}), {@code Vary}, and the kept rendered pages served before any other filter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package com.starkiller.images.web;
