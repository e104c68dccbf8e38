/** The visitor's saved listings, in their session: Save on the page and the {@code /saved} list. */
@org.springframework.modulith.ApplicationModule(displayName = "Saved")
package com.starkiller.images.saved;
