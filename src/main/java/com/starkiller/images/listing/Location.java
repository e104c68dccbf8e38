package com.starkiller.images.listing;

public record Location(String city, String country) {
}
