/**
 * Who may do what: writes to the JSON API need the bearer token, the visitor's own writes (Save)
 * must come from our pages, and framing rules keep every page but the widget from being framed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.starkiller.images.security;
