package com.starkiller.images.embedded;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code starkiller.data-dir}: where the embedded MongoDB keeps its file. */
@Validated
@ConfigurationProperties("starkiller")
record EmbeddedProperties(@DefaultValue("./data") @NotNull Path dataDir) {
}
