package com.starkiller.images.listing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Location(@NotBlank @Size(max = 80) String city, @NotBlank @Size(max = 80) String country) {
}
