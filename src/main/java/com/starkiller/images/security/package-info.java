/**
 * Who may do what, and what every answer carries: writes to the JSON API need the bearer token,
 * the visitor's own writes (Save) must come from our pages, only the allowed hosts are answered,
 * a refused request's body is not read, and every answer gets the security headers (a strict
 * Content-Security-Policy with the framing rules, nosniff, referrer and permissions policies,
 * HSTS on secure requests).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package com.starkiller.images.security;
