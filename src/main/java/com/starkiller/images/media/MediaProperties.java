package com.starkiller.images.media;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code starkiller.upload.*}: limits of image uploads; the byte limit is spring.servlet.multipart.max-file-size. */
@Validated
@ConfigurationProperties("starkiller.upload")
record MediaProperties(@DefaultValue("40000000") @Min(1) long maxPixels) {
}
