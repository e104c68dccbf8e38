package com.starkiller.images.web;

import java.util.OptionalLong;

/**
 * What a kept page depends on: the current version of the listing it shows. The listing module
 * answers; every write moves the version on.
 */
public interface ListingVersions {

	/** The listing's current version, or empty when there is no such listing. */
	OptionalLong current(long listing);

}
