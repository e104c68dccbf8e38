package com.starkiller.images.media;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code starkiller.upload.*}: limits of image uploads; the byte limit is
 * spring.servlet.multipart.max-file-size. {@code decodeMemory} unset is a quarter of the heap.
 */
@Validated
@ConfigurationProperties("starkiller.upload")
record MediaProperties(@DefaultValue("40000000") @Min(1) long maxPixels, DataSize decodeMemory,
		@DefaultValue("2") @Min(1) int concurrentDecodes, @DefaultValue("5s") @NotNull Duration decodeWait) {

	/** The heap decoding may take at once, in bytes. */
	long decodeBytes() {
		return (this.decodeMemory != null) ? this.decodeMemory.toBytes() : Runtime.getRuntime().maxMemory() / 4;
	}

}
