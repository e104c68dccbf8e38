package com.starkiller.images.listing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record Location(@NotNull @VisibleText @Size(max = 80) String city,
		@NotNull @VisibleText @Size(max = 80) String country) {
}
