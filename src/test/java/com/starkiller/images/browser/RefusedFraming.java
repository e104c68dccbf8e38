package com.starkiller.images.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test frames a page where its {@code frame-ancestors} forbid it, to see the browser refuse:
 * that refusal is the one Content-Security-Policy violation it may cause.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RefusedFraming {
}
