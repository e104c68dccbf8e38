/** The listing page for partners' iframes ({@code /embed/listings/{id}}) and the loader that sizes them. */
@org.springframework.modulith.ApplicationModule(displayName = "Embed")
package com.starkiller.images.embed;
