/**
 * The site's assets (the frontend bundle under {@code /assets}, htmx's WebJar under
 * {@code /webjars}), served by Spring's resource chain under content-hashed names, and every
 * release's kept in MongoDB: during a rolling deploy a page of one release may send the browser to
 * an instance of another, which then serves the asset from the archive instead of answering 404.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets")
package com.starkiller.images.assets;
